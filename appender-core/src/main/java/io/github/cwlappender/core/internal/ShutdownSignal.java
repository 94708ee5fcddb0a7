package io.github.cwlappender.core.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Raised when the shutdown deadline has passed: retries stop, backoff sleeps end at once, and the batcher stops
 * waiting for a free sender.
 */
final class ShutdownSignal
{
    private final CountDownLatch aborted = new CountDownLatch(1);

    void abort()
    {
        aborted.countDown();
    }

    boolean isAborted()
    {
        return aborted.getCount() == 0;
    }

    /** Sleeps for the given time unless aborted first; returns true if the sleep ran its full length. */
    boolean sleep(long nanos)
    {
        try
        {
            return !aborted.await(nanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
