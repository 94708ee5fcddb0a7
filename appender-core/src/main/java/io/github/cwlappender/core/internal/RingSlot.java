package io.github.cwlappender.core.internal;

/**
 * One preallocated ring buffer slot: the event's timestamp, its message (of which the first {@code length}
 * characters are the event's text), and what it took from the byte budget.
 */
public final class RingSlot
{
    long timestamp;
    String message;
    int length;
    long charge;
    boolean cut;

    void set(long timestamp, String message, int length, long charge, boolean cut)
    {
        this.timestamp = timestamp;
        this.message = message;
        this.length = length;
        this.charge = charge;
        this.cut = cut;
    }

    /** The event's text; a copy only when the logging thread left a part out (a line break, or an oversize tail). */
    String text()
    {
        return length == message.length() ? message : message.substring(0, length);
    }

    void clear()
    {
        message = null;
    }
}
