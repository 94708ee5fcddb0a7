package io.github.cwlappender.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A hand-written in-memory CloudWatch Logs client for engine unit tests. It checks the whole-request PutLogEvents
 * rules (so an engine that breaks one fails loudly), records every request, and can be scripted to fail, stall or
 * report rejected events.
 */
final class FakeLogsClient implements CloudWatchLogsClient
{
    private final Object lock = new Object();
    private final List<PutLogEventsRequest> requests = new ArrayList<>();
    private final List<InputLogEvent> stored = new ArrayList<>();
    private final Deque<Function<PutLogEventsRequest, PutLogEventsResponse>> script = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<PutLogEventsRequest, PutLogEventsResponse> always;
    private volatile CountDownLatch gate;
    private volatile long latencyMillis;
    private volatile boolean groupExists = true;
    private volatile boolean streamExists = true;
    private volatile int ruleViolations;

    /** The next PutLogEvents calls behave as given, in order; after that, normal behaviour. */
    FakeLogsClient thenAnswer(Function<PutLogEventsRequest, PutLogEventsResponse> behaviour)
    {
        synchronized (lock)
        {
            script.add(behaviour);
        }
        return this;
    }

    FakeLogsClient thenThrow(RuntimeException error)
    {
        return thenAnswer(r -> {
            throw error;
        });
    }

    /** Every PutLogEvents call behaves as given until cleared with null. */
    FakeLogsClient always(Function<PutLogEventsRequest, PutLogEventsResponse> behaviour)
    {
        this.always = behaviour;
        return this;
    }

    /** PutLogEvents and CreateLogStream calls wait until {@link #open()} is called. */
    FakeLogsClient closeGate()
    {
        gate = new CountDownLatch(1);
        return this;
    }

    void open()
    {
        CountDownLatch g = gate;
        gate = null;
        if (g != null)
        {
            g.countDown();
        }
    }

    FakeLogsClient latencyMillis(long millis)
    {
        this.latencyMillis = millis;
        return this;
    }

    FakeLogsClient withoutStream()
    {
        streamExists = false;
        return this;
    }

    FakeLogsClient withoutGroup()
    {
        groupExists = false;
        streamExists = false;
        return this;
    }

    @Override
    public PutLogEventsResponse putLogEvents(PutLogEventsRequest request)
    {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try
        {
            synchronized (lock)
            {
                requests.add(request);
                calls.add("PutLogEvents");
            }
            waitAtGate();
            if (latencyMillis > 0)
            {
                sleep(latencyMillis);
            }
            Function<PutLogEventsRequest, PutLogEventsResponse> behaviour;
            synchronized (lock)
            {
                behaviour = script.poll();
            }
            if (behaviour == null)
            {
                behaviour = always;
            }
            if (behaviour != null)
            {
                PutLogEventsResponse scripted = behaviour.apply(request);
                if (scripted != null)
                {
                    store(request);
                    return scripted;
                }
            }
            if (!groupExists || !streamExists)
            {
                throw ResourceNotFoundException.builder().message("The specified log stream does not exist.")
                        .build();
            }
            checkRules(request);
            store(request);
            return PutLogEventsResponse.builder().build();
        }
        finally
        {
            inFlight.decrementAndGet();
        }
    }

    private void waitAtGate()
    {
        CountDownLatch g = gate;
        if (g != null)
        {
            try
            {
                g.await(60, TimeUnit.SECONDS);
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate", e);
            }
        }
    }

    private static void sleep(long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void store(PutLogEventsRequest request)
    {
        synchronized (lock)
        {
            stored.addAll(request.logEvents());
        }
    }

    private void checkRules(PutLogEventsRequest request)
    {
        List<InputLogEvent> events = request.logEvents();
        String problem = null;
        long bytes = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++)
        {
            InputLogEvent e = events.get(i);
            int size = e.message().getBytes(StandardCharsets.UTF_8).length;
            bytes += size + 26;
            min = Math.min(min, e.timestamp());
            max = Math.max(max, e.timestamp());
            if (e.message().isEmpty())
            {
                problem = "empty message";
            }
            if (size > EngineConfig.SERVICE_MAX_EVENT_BYTES)
            {
                problem = "event too large";
            }
            if (i > 0 && events.get(i - 1).timestamp() > e.timestamp())
            {
                problem = "events not in chronological order";
            }
        }
        if (events.isEmpty() || events.size() > 10_000)
        {
            problem = "event count " + events.size();
        }
        if (bytes > EngineConfig.SERVICE_MAX_BATCH_BYTES)
        {
            problem = "Upload too large: " + bytes;
        }
        if (!events.isEmpty() && max - min > TimeUnit.HOURS.toMillis(24))
        {
            problem = "span over 24 hours";
        }
        if (problem != null)
        {
            ruleViolations++;
            throw InvalidParameterException.builder().message(problem).build();
        }
    }

    @Override
    public CreateLogStreamResponse createLogStream(CreateLogStreamRequest request)
    {
        synchronized (lock)
        {
            calls.add("CreateLogStream");
        }
        waitAtGate();
        if (!groupExists)
        {
            throw ResourceNotFoundException.builder().message("The specified log group does not exist.").build();
        }
        if (streamExists)
        {
            throw ResourceAlreadyExistsException.builder().message("The specified log stream already exists")
                    .build();
        }
        streamExists = true;
        return CreateLogStreamResponse.builder().build();
    }

    @Override
    public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest request)
    {
        synchronized (lock)
        {
            calls.add("CreateLogGroup");
        }
        if (groupExists)
        {
            throw ResourceAlreadyExistsException.builder().message("The specified log group already exists").build();
        }
        groupExists = true;
        return CreateLogGroupResponse.builder().build();
    }

    @Override
    public PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest request)
    {
        synchronized (lock)
        {
            calls.add("PutRetentionPolicy:" + request.retentionInDays());
        }
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

    List<PutLogEventsRequest> requests()
    {
        synchronized (lock)
        {
            return new ArrayList<>(requests);
        }
    }

    List<InputLogEvent> stored()
    {
        synchronized (lock)
        {
            return new ArrayList<>(stored);
        }
    }

    List<String> storedMessages()
    {
        List<String> messages = new ArrayList<>();
        for (InputLogEvent e : stored())
        {
            messages.add(e.message());
        }
        return messages;
    }

    List<String> calls()
    {
        synchronized (lock)
        {
            return Collections.unmodifiableList(new ArrayList<>(calls));
        }
    }

    int putCalls()
    {
        return requests().size();
    }

    int maxConcurrentPuts()
    {
        return maxInFlight.get();
    }

    int ruleViolations()
    {
        return ruleViolations;
    }
}
