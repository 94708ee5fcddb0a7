package io.github.cwlappender.core.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs at most {@code maxInFlight} batch deliveries at once; sealed batches beyond that wait their turn in order.
 * {@link #send} never waits: how much may wait is bounded by the byte budget, which each batch gives back once it is
 * settled. It also tells flushes when every batch sealed before them has finished.
 */
final class BatchSender
{
    private final BatchDelivery delivery;
    private final BufferBudget budget;
    private final int maxInFlight;
    private final TrackedThreadFactory senderThreads;
    private final ThreadPoolExecutor executor;
    private final ShutdownSignal shutdown;
    private final Object lock = new Object();
    private final TreeSet<Long> open = new TreeSet<>();
    private final List<Barrier> barriers = new ArrayList<>();
    private final List<Runnable> whenIdleAfterShutdown = new ArrayList<>();
    private final CountDownLatch warmedUp = new CountDownLatch(1);
    private long lastSentId;
    private boolean threadsEnded;

    BatchSender(String appenderName, int maxInFlight, BatchDelivery delivery, BufferBudget budget,
            ShutdownSignal shutdown)
    {
        this.delivery = delivery;
        this.budget = budget;
        this.maxInFlight = maxInFlight;
        this.shutdown = shutdown;
        this.senderThreads = new TrackedThreadFactory(appenderName, "sender");
        this.executor = new ThreadPoolExecutor(maxInFlight, maxInFlight, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), senderThreads)
        {
            @Override
            protected void terminated()
            {
                runWhenIdleTasks();
            }
        };
    }

    /**
     * Runs a task (warming the client and the destination) on a sender thread; batches wait until it has ended, so
     * the first of them does not race it into a not-found, create, retry round trip.
     */
    void runFirst(Runnable task)
    {
        try
        {
            executor.execute(() -> {
                try
                {
                    task.run();
                }
                finally
                {
                    warmedUp.countDown();
                }
            });
        }
        catch (RejectedExecutionException stopped)
        {
            warmedUp.countDown();
        }
    }

    /** Queues a sealed batch for the next free sender. Never waits. Returns false if the engine has stopped. */
    boolean send(Batch batch)
    {
        synchronized (lock)
        {
            open.add(batch.id());
            lastSentId = batch.id();
        }
        try
        {
            executor.execute(() -> deliver(batch));
        }
        catch (RejectedExecutionException stopped)
        {
            finished(batch);
            return false;
        }
        return true;
    }

    /** True when a batch sealed now would start at once: fewer batches are open than senders. */
    boolean hasIdleSender()
    {
        synchronized (lock)
        {
            return open.size() < maxInFlight;
        }
    }

    private void deliver(Batch batch)
    {
        try
        {
            if (awaitWarmUp() && (!batch.followsPrevious() || awaitEarlierFinished(batch.id())))
            {
                delivery.deliver(batch);
            }
        }
        finally
        {
            finished(batch);
        }
    }

    private boolean awaitWarmUp()
    {
        try
        {
            while (!warmedUp.await(50, TimeUnit.MILLISECONDS))
            {
                if (shutdown.isAborted())
                {
                    return false;
                }
            }
            return true;
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until every batch sent before this one has finished; false if the engine was aborted meanwhile. */
    private boolean awaitEarlierFinished(long id)
    {
        synchronized (lock)
        {
            while (open.first() < id)
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

    private void finished(Batch batch)
    {
        // Before the barriers: whoever a flush releases finds the batch's share of the budget back.
        budget.giveBack(batch.charged());
        batch.events().release();
        synchronized (lock)
        {
            open.remove(batch.id());
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

    /**
     * Stops the sender threads: batches still queued see the abort signal and end at once; a request already on
     * the wire is not interrupted (its outcome would be unknown), so it may finish after the deadline and is then
     * counted as it ends. Returns true when every sender thread ended within the timeout.
     */
    boolean shutdown(long timeoutNanos)
    {
        long deadline = System.nanoTime() + timeoutNanos;
        executor.shutdown();
        boolean terminated;
        try
        {
            terminated = executor.awaitTermination(timeoutNanos, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
            terminated = executor.isTerminated();
        }
        return terminated && senderThreads.awaitAllEnded(deadline);
    }

    /** Runs {@code task} once every sender thread has ended: now if they have, else when the last one does. */
    void whenIdleAfterShutdown(Runnable task)
    {
        synchronized (whenIdleAfterShutdown)
        {
            if (!threadsEnded)
            {
                whenIdleAfterShutdown.add(task);
                return;
            }
        }
        task.run();
    }

    private void runWhenIdleTasks()
    {
        List<Runnable> tasks;
        synchronized (whenIdleAfterShutdown)
        {
            threadsEnded = true;
            tasks = new ArrayList<>(whenIdleAfterShutdown);
            whenIdleAfterShutdown.clear();
        }
        tasks.forEach(Runnable::run);
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
