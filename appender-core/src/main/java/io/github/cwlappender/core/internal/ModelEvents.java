package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.internal.naming.LogDestination;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * Events as the SDK's {@link InputLogEvent} objects, which the SDK marshals: for a client the caller supplied,
 * which does not carry the engine's {@link PutLogEventsBody.Interceptor}.
 */
final class ModelEvents implements BatchEvents
{
    private static final Comparator<InputLogEvent> BY_TIMESTAMP = Comparator.comparingLong(InputLogEvent::timestamp);

    private final List<InputLogEvent> events;

    private ModelEvents(List<InputLogEvent> events)
    {
        this.events = events;
    }

    @Override
    public int size()
    {
        return events.size();
    }

    @Override
    public BatchEvents slice(int from, int to)
    {
        return new ModelEvents(events.subList(from, to));
    }

    @Override
    public PutLogEventsResponse put(CloudWatchLogsClient client, LogDestination where)
    {
        return client.putLogEvents(b -> b.logGroupName(where.logGroup()).logStreamName(where.logStream())
                .logEvents(events));
    }

    static final class Collector implements BatchEvents.Collector
    {
        private final int maxEvents;
        private List<InputLogEvent> events;

        Collector(int maxEvents)
        {
            this.maxEvents = maxEvents;
            this.events = new ArrayList<>(Math.min(maxEvents, 1024));
        }

        @Override
        public int size()
        {
            return events.size();
        }

        @Override
        public void add(long timestamp, String message, int utf8Length)
        {
            events.add(InputLogEvent.builder().timestamp(timestamp).message(message).build());
        }

        @Override
        public void addUtf8(long timestamp, byte[] utf8, int length)
        {
            add(timestamp, new String(utf8, 0, length, StandardCharsets.UTF_8), length);
        }

        @Override
        public BatchEvents seal()
        {
            List<InputLogEvent> sealed = events;
            // List.sort is stable: equal timestamps keep their arrival order.
            sealed.sort(BY_TIMESTAMP);
            events = new ArrayList<>(Math.min(maxEvents, Math.max(16, sealed.size())));
            return new ModelEvents(sealed);
        }
    }
}
