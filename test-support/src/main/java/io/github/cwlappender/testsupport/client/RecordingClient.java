package io.github.cwlappender.testsupport.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** A CloudWatch Logs client that accepts every request and remembers the events it was sent, in order. */
public final class RecordingClient implements CloudWatchLogsClient
{
    private final List<InputLogEvent> events = new ArrayList<>();
    private volatile Consumer<PutLogEventsRequest> beforePut = request -> {
    };
    private volatile boolean streamMissing;

    /** Runs on the engine's sender thread before each PutLogEvents is recorded. */
    public void beforePut(Consumer<PutLogEventsRequest> action)
    {
        this.beforePut = action;
    }

    /** The first PutLogEvents answers that the log stream does not exist, as for a new application. */
    public void streamMissingAtFirst()
    {
        this.streamMissing = true;
    }

    public synchronized List<InputLogEvent> events()
    {
        return new ArrayList<>(events);
    }

    public List<String> messages()
    {
        List<String> messages = new ArrayList<>();
        for (InputLogEvent e : events())
        {
            messages.add(e.message());
        }
        return messages;
    }

    @Override
    public PutLogEventsResponse putLogEvents(PutLogEventsRequest request)
    {
        beforePut.accept(request);
        if (streamMissing)
        {
            streamMissing = false;
            throw ResourceNotFoundException.builder().message("The specified log stream does not exist.").build();
        }
        synchronized (this)
        {
            events.addAll(request.logEvents());
        }
        return PutLogEventsResponse.builder().build();
    }

    @Override
    public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest request)
    {
        return CreateLogGroupResponse.builder().build();
    }

    @Override
    public CreateLogStreamResponse createLogStream(CreateLogStreamRequest request)
    {
        return CreateLogStreamResponse.builder().build();
    }

    @Override
    public PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest request)
    {
        return PutRetentionPolicyResponse.builder().build();
    }

    @Override
    public String serviceName()
    {
        return "logs";
    }

    @Override
    public void close()
    {
    }
}
