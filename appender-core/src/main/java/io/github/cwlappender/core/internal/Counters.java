package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's counters. Application threads touch only {@link #accepted} and a few drop counters, all
 * {@link LongAdder}s, so counting never contends and never allocates.
 */
public final class Counters
{
    private static final DropReason[] DROP_REASONS = DropReason.values();
    private static final RejectReason[] REJECT_REASONS = RejectReason.values();

    private final LongAdder accepted = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder[] dropped = adders(DROP_REASONS.length);
    private final LongAdder[] rejected = adders(REJECT_REASONS.length);
    private final LongAdder truncated = new LongAdder();
    private final LongAdder split = new LongAdder();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttles = new LongAdder();
    private volatile String lastError;
    // Set once the engine has stopped: whatever is still unaccounted for then was lost at shutdown.
    private volatile boolean terminated;

    private static LongAdder[] adders(int n)
    {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = new LongAdder();
        }
        return a;
    }

    public void accepted()
    {
        accepted.increment();
    }

    public void accepted(long n)
    {
        accepted.add(n);
    }

    public void delivered(long n)
    {
        delivered.add(n);
    }

    public void dropped(DropReason reason)
    {
        dropped[reason.ordinal()].increment();
    }

    public void dropped(DropReason reason, long n)
    {
        dropped[reason.ordinal()].add(n);
    }

    public void rejected(RejectReason reason, long n)
    {
        rejected[reason.ordinal()].add(n);
    }

    public void truncated()
    {
        truncated.increment();
    }

    public void split()
    {
        split.increment();
    }

    public void batchSent()
    {
        batchesSent.increment();
    }

    public void retried()
    {
        retries.increment();
    }

    public void throttled()
    {
        throttles.increment();
    }

    /** Keeps the time with the error, so a healthy engine's old, recovered error reads as what it is. */
    public void lastError(String error)
    {
        lastError = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + error;
    }

    public long droppedCount(DropReason reason)
    {
        return dropped[reason.ordinal()].sum();
    }

    public long droppedTotal()
    {
        long total = 0;
        for (LongAdder a : dropped)
        {
            total += a.sum();
        }
        return total;
    }

    public long rejectedTotal()
    {
        long total = 0;
        for (LongAdder a : rejected)
        {
            total += a.sum();
        }
        return total;
    }

    public void terminate()
    {
        terminated = true;
    }

    /**
     * {@link EngineStatistics#pending()} without building the statistics: what a flush checks first. Zero once the
     * engine has terminated, since {@link #snapshot()} then counts whatever is unaccounted for as dropped.
     */
    public long pending()
    {
        // Outcomes before accepted, as in snapshot().
        long accounted = delivered.sum();
        for (LongAdder r : rejected)
        {
            accounted += r.sum();
        }
        for (LongAdder d : dropped)
        {
            accounted += d.sum();
        }
        long pending = accepted.sum() - accounted;
        return terminated && pending > 0 ? 0 : pending;
    }

    public EngineStatistics snapshot()
    {
        // Read the outcome counters before accepted, so a concurrent event can make pending too high, never negative.
        long deliveredNow = delivered.sum();
        Map<RejectReason, Long> rejectedNow = new EnumMap<>(RejectReason.class);
        for (RejectReason r : REJECT_REASONS)
        {
            rejectedNow.put(r, rejected[r.ordinal()].sum());
        }
        Map<DropReason, Long> droppedNow = new EnumMap<>(DropReason.class);
        for (DropReason r : DROP_REASONS)
        {
            droppedNow.put(r, dropped[r.ordinal()].sum());
        }
        long acceptedNow = accepted.sum();
        if (terminated)
        {
            long accounted = deliveredNow + sum(rejectedNow) + sum(droppedNow);
            long lost = acceptedNow - accounted;
            if (lost > 0)
            {
                droppedNow.merge(DropReason.SHUTDOWN, lost, Long::sum);
            }
        }
        return new EngineStatistics(acceptedNow, deliveredNow, rejectedNow, droppedNow, truncated.sum(), split.sum(),
                batchesSent.sum(), retries.sum(), throttles.sum(), lastError);
    }

    private static long sum(Map<?, Long> m)
    {
        long s = 0;
        for (long v : m.values())
        {
            s += v;
        }
        return s;
    }
}
