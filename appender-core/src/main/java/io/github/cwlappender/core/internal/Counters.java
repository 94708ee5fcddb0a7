package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The engine's counters. An event the ring takes is counted by the ring itself (its claimed sequence), so the
 * application thread's path counts nothing; it touches a counter only for an event it refuses ({@link #refused}).
 * The counters are {@link LongAdder}s, so counting never contends and never allocates.
 */
public final class Counters
{
    private static final DropReason[] DROP_REASONS = DropReason.values();
    private static final RejectReason[] REJECT_REASONS = RejectReason.values();

    // Accepted events the ring's count leaves out: those refused before the ring, and the extra pieces of split ones.
    private final LongAdder acceptedOutsideRing = new LongAdder();
    // How many events the ring has taken so far; set once, before the engine starts.
    private volatile LongSupplier queuedInRing = () -> 0;
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

    /** Counts, as accepted, every event the ring takes from now on: {@code queued} says how many it has taken. */
    public void countQueuedEvents(LongSupplier queued)
    {
        this.queuedInRing = queued;
    }

    /**
     * Counts an event refused before it reached the ring as accepted and dropped. Accepted first, so that a
     * concurrent snapshot can see pending too high, never negative.
     */
    public void refused(DropReason reason)
    {
        acceptedOutsideRing.increment();
        dropped[reason.ordinal()].increment();
    }

    /** Counts extra pieces of a split event, each an event of its own from here on, as accepted. */
    public void acceptedPieces(long n)
    {
        acceptedOutsideRing.add(n);
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
        long pending = accepted() - accounted;
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
        long acceptedNow = accepted();
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

    private long accepted()
    {
        return queuedInRing.getAsLong() + acceptedOutsideRing.sum();
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
