package io.github.cwlappender.core.internal;

/** One preallocated ring buffer slot: the event's timestamp and formatted message. */
public final class RingSlot
{
    long timestamp;
    String message;

    public void set(long timestamp, String message)
    {
        this.timestamp = timestamp;
        this.message = message;
    }

    void clear()
    {
        message = null;
    }
}
