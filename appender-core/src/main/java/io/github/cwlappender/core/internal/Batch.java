package io.github.cwlappender.core.internal;

import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A sealed batch: events sorted by timestamp that together obey every PutLogEvents rule. */
final class Batch
{
    private final long id;
    private final List<InputLogEvent> events;
    private final boolean followsPrevious;

    Batch(long id, List<InputLogEvent> events, boolean followsPrevious)
    {
        this.id = id;
        this.events = events;
        this.followsPrevious = followsPrevious;
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
