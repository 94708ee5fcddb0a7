package io.github.cwlappender.core.internal;

/** One preallocated ring buffer slot: the event's timestamp and message, and what it took from the byte budget. */
public final class RingSlot
{
    long timestamp;
    String message;
    long charge;
    boolean cut;

    void set(long timestamp, String message, long charge, boolean cut)
    {
        this.timestamp = timestamp;
        this.message = message;
        this.charge = charge;
        this.cut = cut;
    }

    void clear()
    {
        message = null;
    }
}
