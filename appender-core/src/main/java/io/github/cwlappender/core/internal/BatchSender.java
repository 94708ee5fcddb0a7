package io.github.cwlappender.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs at most {@code maxInFlight} batch deliveries at once. When all are busy, {@link #send} makes the batcher wait,
 * so a slow network fills the ring buffer (where the application's full-buffer policy applies) rather than memory.
 * It also tells flushes when every batch sealed before them has finished.
 */
final class BatchSender
{
    private final BatchDelivery delivery;
    private final Semaphore permits;
    private final ExecutorService executor;
    private final ShutdownSignal shutdown;
    private final Object lock = new Object();
    private final TreeSet<Long> open = new TreeSet<>();
    private final List<Barrier> barriers = new ArrayList<>();
    private long lastSentId;

    BatchSender(String appenderName, int maxInFlight, BatchDelivery delivery, ShutdownSignal shutdown)
    {
        this.delivery = delivery;
        this.permits = new Semaphore(maxInFlight);
        this.shutdown = shutdown;
        this.executor = new ThreadPoolExecutor(maxInFlight, maxInFlight, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), EngineThread.factory(appenderName, "sender"));
    }

    /** Hands a sealed batch to a sender thread, waiting for a free one. Returns false if the engine was aborted. */
    boolean send(Batch batch)
    {
        if (batch.followsPrevious() && !awaitAllFinished())
        {
            return false;
        }
        if (!acquirePermit())
        {
            return false;
        }
        synchronized (lock)
        {
            open.add(batch.id());
            lastSentId = batch.id();
        }
        try
        {
            executor.execute(() -> deliver(batch));
        }
        catch (RuntimeException rejected)
        {
            finished(batch.id());
            return false;
        }
        return true;
    }

    /** Waits until every batch sent before has finished; false if the engine was aborted meanwhile. */
    private boolean awaitAllFinished()
    {
        synchronized (lock)
        {
            while (!open.isEmpty())
            {
                if (shutdown.isAborted())
                {
                    return false;
                }
                try
                {
                    lock.wait(50);
                }
                catch (InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private boolean acquirePermit()
    {
        while (!shutdown.isAborted())
        {
            try
            {
                if (permits.tryAcquire(50, TimeUnit.MILLISECONDS))
                {
                    return true;
                }
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void deliver(Batch batch)
    {
        try
        {
            delivery.deliver(batch);
        }
        finally
        {
            finished(batch.id());
        }
    }

    private void finished(long id)
    {
        synchronized (lock)
        {
            open.remove(id);
            lock.notifyAll();
            Iterator<Barrier> it = barriers.iterator();
            while (it.hasNext())
            {
                Barrier b = it.next();
                if (open.isEmpty() || open.first() > b.upToId)
                {
                    it.remove();
                    b.done.complete(null);
                }
            }
        }
        permits.release();
    }

    /** Completes {@code done} once every batch sent so far has finished (delivered, rejected or dropped). */
    void whenSentUpToNow(CompletableFuture<Void> done)
    {
        synchronized (lock)
        {
            if (open.isEmpty() || open.first() > lastSentId)
            {
                done.complete(null);
            }
            else
            {
                barriers.add(new Barrier(lastSentId, done));
            }
        }
    }

    /** Stops the sender threads; deliveries still running see the abort signal and give up. */
    void shutdown(long timeoutNanos)
    {
        executor.shutdown();
        try
        {
            if (!executor.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS))
            {
                executor.shutdownNow();
            }
        }
        catch (InterruptedException e)
        {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class Barrier
    {
        final long upToId;
        final CompletableFuture<Void> done;

        Barrier(long upToId, CompletableFuture<Void> done)
        {
            this.upToId = upToId;
            this.done = done;
        }
    }
}
