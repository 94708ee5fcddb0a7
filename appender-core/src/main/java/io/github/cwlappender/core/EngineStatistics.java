package io.github.cwlappender.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A point-in-time snapshot of an engine's counters. Once the engine is idle (after {@code flush} or {@code stop})
 * every accepted event is exactly one of delivered, rejected or dropped: see {@link #isBalanced()}.
 *
 * @since 0.1.0
 */
public final class EngineStatistics
{
    private final long accepted;
    private final long delivered;
    private final Map<RejectReason, Long> rejected;
    private final Map<DropReason, Long> dropped;
    private final long truncated;
    private final long split;
    private final long batchesSent;
    private final long retries;
    private final long throttles;
    private final String lastError;

    /** Built by the engine; public so that tests and adapters can construct expectations. */
    public EngineStatistics(long accepted, long delivered, Map<RejectReason, Long> rejected,
            Map<DropReason, Long> dropped, long truncated, long split, long batchesSent, long retries, long throttles,
            String lastError)
    {
        this.accepted = accepted;
        this.delivered = delivered;
        this.rejected = Collections.unmodifiableMap(fill(rejected, RejectReason.class));
        this.dropped = Collections.unmodifiableMap(fill(dropped, DropReason.class));
        this.truncated = truncated;
        this.split = split;
        this.batchesSent = batchesSent;
        this.retries = retries;
        this.throttles = throttles;
        this.lastError = lastError;
    }

    private static <K extends Enum<K>> Map<K, Long> fill(Map<K, Long> source, Class<K> type)
    {
        Map<K, Long> all = new EnumMap<>(type);
        for (K key : type.getEnumConstants())
        {
            all.put(key, source.getOrDefault(key, 0L));
        }
        return all;
    }

    /** Events that entered the engine (including each extra piece of a split event). */
    public long accepted()
    {
        return accepted;
    }

    /** Events the service stored (a PutLogEvents success, less what it listed in rejectedLogEventsInfo). */
    public long delivered()
    {
        return delivered;
    }

    public long rejected()
    {
        return sum(rejected);
    }

    public long rejected(RejectReason reason)
    {
        return rejected.get(reason);
    }

    /** Every reason, zero counts included. */
    public Map<RejectReason, Long> rejectedByReason()
    {
        return rejected;
    }

    public long dropped()
    {
        return sum(dropped);
    }

    public long dropped(DropReason reason)
    {
        return dropped.get(reason);
    }

    /** Every reason, zero counts included. */
    public Map<DropReason, Long> droppedByReason()
    {
        return dropped;
    }

    /** Events cut to {@code maxEventBytes}. */
    public long truncated()
    {
        return truncated;
    }

    /** Events cut into several pieces with {@link OversizePolicy#SPLIT}. */
    public long split()
    {
        return split;
    }

    /** Successful PutLogEvents requests. */
    public long batchesSent()
    {
        return batchesSent;
    }

    /** PutLogEvents attempts that were repeated after a retryable failure. */
    public long retries()
    {
        return retries;
    }

    /** PutLogEvents attempts the service throttled. */
    public long throttles()
    {
        return throttles;
    }

    /**
     * The last error seen, as "time Code (HTTP status): message", or null. It stays after the engine recovers (for
     * example a missing log stream that was then created). Never contains credentials.
     */
    public String lastError()
    {
        return lastError;
    }

    /** Events accepted but not yet delivered, rejected or dropped: still buffered or in flight. */
    public long pending()
    {
        return accepted - delivered - rejected() - dropped();
    }

    /** True when accepted = delivered + rejected + dropped. */
    public boolean isBalanced()
    {
        return pending() == 0;
    }

    private static long sum(Map<?, Long> counts)
    {
        long total = 0;
        for (long n : counts.values())
        {
            total += n;
        }
        return total;
    }

    @Override
    public String toString()
    {
        StringBuilder sb = new StringBuilder(256);
        sb.append("accepted=").append(accepted).append(", delivered=").append(delivered)
                .append(", rejected=").append(rejected());
        appendNonZero(sb, rejected);
        sb.append(", dropped=").append(dropped());
        appendNonZero(sb, dropped);
        sb.append(", pending=").append(pending()).append(", truncated=").append(truncated).append(", split=")
                .append(split).append(", batchesSent=").append(batchesSent).append(", retries=").append(retries)
                .append(", throttles=").append(throttles);
        if (lastError != null)
        {
            sb.append(", lastError=").append(lastError);
        }
        return sb.toString();
    }

    private static void appendNonZero(StringBuilder sb, Map<?, Long> counts)
    {
        StringBuilder inner = new StringBuilder();
        counts.forEach((k, v) -> {
            if (v != 0)
            {
                inner.append(inner.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            }
        });
        if (inner.length() > 0)
        {
            sb.append(" {").append(inner).append('}');
        }
    }
}
