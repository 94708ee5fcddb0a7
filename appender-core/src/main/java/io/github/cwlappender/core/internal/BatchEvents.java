package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.internal.naming.LogDestination;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** The events of a sealed batch, in timestamp order, in the form they are sent in. */
interface BatchEvents
{
    int size();

    /** Events {@code from} (inclusive) to {@code to} (exclusive), in the same order; shares what it can. */
    BatchEvents slice(int from, int to);

    /** One PutLogEvents call with these events. */
    PutLogEventsResponse put(CloudWatchLogsClient client, LogDestination where);

    /** Called once the batch is settled (delivered, rejected or dropped): nothing sends these events after it. */
    default void release()
    {
    }

    /** Gathers the events of the batch being filled, as they arrive, in the form {@link BatchEvents} sends. */
    interface Collector
    {
        int size();

        void add(long timestamp, String message, int utf8Length);

        /** As {@link #add}, for a message that is the first {@code length} bytes of {@code utf8}, well-formed. */
        void addUtf8(long timestamp, byte[] utf8, int length);

        /** The events so far sorted by timestamp (equal timestamps keep their arrival order); starts over empty. */
        BatchEvents seal();
    }
}
