package io.github.cwlappender.testsupport.fake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** One strict fake with a fixed clock, a log group and a log stream, and a few ways to put events into it. */
final class FakeFixture implements AutoCloseable
{
    static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    static final long HOUR = TimeUnit.HOURS.toMillis(1);
    static final long DAY = TimeUnit.DAYS.toMillis(1);
    static final String GROUP = "/test/strict-fake";
    static final String STREAM = "stream-1";

    final StrictCloudWatchLogsServer server;
    final CloudWatchLogsClient client;

    FakeFixture()
    {
        this(StrictCloudWatchLogsServer.start());
    }

    FakeFixture(StrictCloudWatchLogsServer server)
    {
        this.server = server;
        this.client = server.client();
        server.setClock(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    FakeFixture withGroupAndStream()
    {
        client.createLogGroup(b -> b.logGroupName(GROUP));
        client.createLogStream(b -> b.logGroupName(GROUP).logStreamName(STREAM));
        return this;
    }

    PutLogEventsResponse put(InputLogEvent... events)
    {
        return put(Arrays.asList(events));
    }

    PutLogEventsResponse put(List<InputLogEvent> events)
    {
        return client.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM).logEvents(events));
    }

    /** An event {@code offsetMillis} after the server's now. */
    static InputLogEvent at(long offsetMillis, String message)
    {
        return InputLogEvent.builder().timestamp(NOW + offsetMillis).message(message).build();
    }

    static List<InputLogEvent> events(int count, String message)
    {
        List<InputLogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            events.add(at(0, message));
        }
        return events;
    }

    List<String> storedMessages()
    {
        List<String> messages = new ArrayList<>();
        for (StoredEvent e : server.storedEvents(GROUP, STREAM))
        {
            messages.add(e.message());
        }
        return messages;
    }

    @Override
    public void close()
    {
        server.stop();
    }
}
