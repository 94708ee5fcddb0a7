package io.github.cwlappender.core.internal;

/** A sealed batch: events sorted by timestamp that together obey every PutLogEvents rule. */
final class Batch
{
    private final long id;
    private final BatchEvents events;
    private final boolean followsPrevious;
    private final long charged;

    Batch(long id, BatchEvents events, boolean followsPrevious, long charged)
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

    BatchEvents events()
    {
        return events;
    }
}
