package io.github.cwlappender.core.internal;

import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** A sealed batch: events sorted by timestamp that together obey every PutLogEvents rule. */
final class Batch
{
    private final long id;
    private final List<InputLogEvent> events;

    Batch(long id, List<InputLogEvent> events)
    {
        this.id = id;
        this.events = events;
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
