package io.github.cwlappender.core.internal;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How the batcher waits for events: it parks, first briefly and then longer while nothing arrives, and wakes by
 * itself. Publishing therefore signals nobody: the logging thread pays no lock, no notify and no shared flag for a
 * sleeping batcher (a blocking strategy makes every publish check, and often wake, the consumer). The cost is a delay
 * of at most the idle timeout before an event is seen, which a batch that lingers a second anyway does not notice.
 *
 * <p>Like the Disruptor's timeout strategies it throws {@link TimeoutException} after the idle timeout, so the
 * batcher's {@code onTimeout} runs (lingering batches, flush requests) while the ring is quiet.
 */
final class IdleParkingWaitStrategy implements WaitStrategy
{
    private static final long FIRST_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final long idleTimeoutNanos;

    IdleParkingWaitStrategy(long idleTimeout, TimeUnit unit)
    {
        this.idleTimeoutNanos = unit.toNanos(idleTimeout);
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, TimeoutException
    {
        long available = dependentSequence.get();
        if (available >= sequence)
        {
            return available;
        }
        long start = System.nanoTime();
        long park = FIRST_PARK_NANOS;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            long remaining = idleTimeoutNanos - (System.nanoTime() - start);
            if (remaining <= 0)
            {
                throw TimeoutException.INSTANCE;
            }
            LockSupport.parkNanos(Math.min(park, remaining));
            // Events that keep coming are seen within microseconds; a quiet ring costs a wake-up per timeout.
            park = Math.min(park * 2, idleTimeoutNanos);
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        // Nothing to signal: the batcher wakes by itself.
    }
}
