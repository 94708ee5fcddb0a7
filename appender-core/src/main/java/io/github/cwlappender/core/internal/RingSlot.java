package io.github.cwlappender.core.internal;

/**
 * One preallocated ring buffer slot: the event's timestamp, its text (of which the first {@code length} characters,
 * or bytes, are the event's) and what it took from the byte budget. The text is a {@code message} string, or, from
 * adapters that encode on the logging thread, {@code utf8} bytes; the other one is null.
 */
public final class RingSlot
{
    long timestamp;
    String message;
    byte[] utf8;
    int length;
    long charge;
    boolean cut;

    void set(long timestamp, String message, byte[] utf8, int length, long charge, boolean cut)
    {
        this.timestamp = timestamp;
        this.message = message;
        this.utf8 = utf8;
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
        utf8 = null;
    }
}
