package io.github.cwlappender.core.internal;

import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A sealed batch: events sorted by timestamp that together obey every PutLogEvents rule. */
final class Batch
{
    private final long id;
    private final List<InputLogEvent> events;
    private final boolean followsPrevious;
    private final long charged;

    Batch(long id, List<InputLogEvent> events, boolean followsPrevious, long charged)
    {
        this.id = id;
        this.events = events;
        this.followsPrevious = followsPrevious;
        this.charged = charged;
    }

    /** What the batch's events count against the byte budget; given back once the batch is settled. */
    long charged()
    {
        return charged;
    }

    /** True when it starts with the continuation of a split event, so it may only be sent after the batches before it. */
    boolean followsPrevious()
    {
        return followsPrevious;
    }

    long id()
    {
        return id;
    }

    List<InputLogEvent> events()
    {
        return events;
    }
}
