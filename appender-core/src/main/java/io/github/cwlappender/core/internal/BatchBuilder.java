package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.EngineConfig;

/**
 * The batch being filled on the batcher thread. It knows the three whole-request limits (count, bytes with the
 * per-event overhead, 24-hour span) and says when the next event would break one.
 */
final class BatchBuilder
{
    /** The span among a batch's timestamps must stay under 24 hours. */
    static final long MAX_SPAN_MILLIS = 24L * 60 * 60 * 1000 - 1;
    private final int maxEvents;
    private final int maxBytes;
    private final BatchEvents.Collector events;
    private int bytes;
    private long charged;
    private long minTimestamp;
    private long maxTimestamp;
    private long firstEventNanos;
    private long nextId = 1;
    private boolean followsPrevious;

    BatchBuilder(int maxEvents, int maxBytes, BatchEvents.Collector events)
    {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.events = events;
    }

    boolean isEmpty()
    {
        return events.size() == 0;
    }

    int size()
    {
        return events.size();
    }

    /** True when an event of this timestamp and message size can join without breaking a rule. */
    boolean fits(long timestamp, int messageBytes)
    {
        if (isEmpty())
        {
            return true;
        }
        if (events.size() >= maxEvents || bytes + messageBytes + EngineConfig.EVENT_OVERHEAD_BYTES > maxBytes)
        {
            return false;
        }
        long low = Math.min(minTimestamp, timestamp);
        long high = Math.max(maxTimestamp, timestamp);
        return high - low <= MAX_SPAN_MILLIS;
    }

    void add(long timestamp, String message, int messageBytes, long nowNanos)
    {
        include(timestamp, messageBytes, chargeOf(message, messageBytes), nowNanos);
        events.add(timestamp, message, messageBytes);
    }

    /** As {@link #add}, for a message that is the first {@code length} bytes of {@code utf8}. */
    void addUtf8(long timestamp, byte[] utf8, int length, long nowNanos)
    {
        include(timestamp, length, chargeOfUtf8(length), nowNanos);
        events.addUtf8(timestamp, utf8, length);
    }

    /** Counts an event joining the batch towards its limits. */
    private void include(long timestamp, int messageBytes, long charge, long nowNanos)
    {
        if (isEmpty())
        {
            minTimestamp = timestamp;
            maxTimestamp = timestamp;
            firstEventNanos = nowNanos;
        }
        else
        {
            minTimestamp = Math.min(minTimestamp, timestamp);
            maxTimestamp = Math.max(maxTimestamp, timestamp);
        }
        bytes += messageBytes + EngineConfig.EVENT_OVERHEAD_BYTES;
        charged += charge;
    }

    /**
     * What a message counts against the byte budget on the logging thread, before anyone has looked at its
     * characters: one byte per character, as Java stores Latin-1 text. The batcher corrects it with
     * {@link #chargeOf(String, int)}.
     */
    static long estimatedChargeOf(int messageChars)
    {
        return messageChars + EngineConfig.BUFFERED_EVENT_OVERHEAD_BYTES;
    }

    /**
     * What a message of known UTF-8 length counts against the byte budget: the heap its text takes (one byte per
     * character for Latin-1 text, two otherwise; its UTF-8 length bounds it in between) plus the objects around it.
     */
    static long chargeOf(String message, int utf8Bytes)
    {
        return Math.min(2L * message.length(), utf8Bytes) + EngineConfig.BUFFERED_EVENT_OVERHEAD_BYTES;
    }

    /** What a message of UTF-8 bytes counts against the byte budget: its bytes (as held) and the objects around it. */
    static long chargeOfUtf8(int utf8Bytes)
    {
        return estimatedChargeOf(utf8Bytes);
    }

    /** The open batch continues a split event whose earlier pieces are in the batch sealed before it. */
    void markFollowsPrevious()
    {
        followsPrevious = true;
    }

    /** Nanos at which the first event of the current batch arrived; meaningless when empty. */
    long firstEventNanos()
    {
        return firstEventNanos;
    }

    /** Sorts (stably, so equal timestamps keep their arrival order) and hands the batch over; starts a new one. */
    Batch seal()
    {
        BatchEvents sealed = events.seal();
        bytes = 0;
        Batch batch = new Batch(nextId++, sealed, followsPrevious, charged);
        charged = 0;
        followsPrevious = false;
        return batch;
    }
}
