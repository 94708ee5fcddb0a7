package io.github.cwlappender.core.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The byte budget that bounds everything the engine holds: events in the ring, in the open batch, in sealed batches
 * waiting for a sender and in flight. Application threads take from it before they publish; the batcher adjusts it
 * to what a batch really carries; senders give a batch's share back once it is settled.
 *
 * <p>The last part of the budget is kept for important events (WARN and above): ordinary events are refused while
 * less than that reserve is free, so when something must go, the least important goes first.
 *
 * <p>Taking room when there is some is one CAS, without a lock. Threads that must wait park on a fair lock's
 * condition, so they burn no CPU and are woken, in arrival order, when room is given back, when the ring drains, or
 * when delivery turns unhealthy.
 */
final class BufferBudget
{
    // Waiters re-check the state of delivery at least this often, so a silent endpoint releases them promptly.
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long capacity;
    private final long ordinaryLimit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicInteger waiters = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition roomOrNews = lock.newCondition();

    /** @param reservePercent the share of the budget that only important events may use */
    BufferBudget(long capacity, int reservePercent)
    {
        this.capacity = capacity;
        this.ordinaryLimit = capacity - capacity * reservePercent / 100;
    }

    long capacity()
    {
        return capacity;
    }

    long used()
    {
        return used.get();
    }

    /** The most one event may ever take: anything larger can never be buffered. */
    long largestEvent(boolean important)
    {
        return important ? capacity : ordinaryLimit;
    }

    /** Whether a logging thread is waiting for room. */
    boolean hasWaiters()
    {
        return waiters.get() > 0;
    }

    /** Takes {@code bytes} if they fit under the event's limit; never waits. */
    boolean tryTake(long bytes, boolean important)
    {
        long limit = important ? capacity : ordinaryLimit;
        while (true)
        {
            long current = used.get();
            long next = current + bytes;
            if (next > limit)
            {
                return false;
            }
            if (used.compareAndSet(current, next))
            {
                return true;
            }
        }
    }

    /**
     * Waits until {@code attempt} succeeds, the deadline passes, or {@code keepWaiting} turns false. Returns whether
     * the attempt succeeded.
     */
    boolean await(Attempt attempt, long deadlineNanos, KeepWaiting keepWaiting)
    {
        waiters.incrementAndGet();
        lock.lock();
        try
        {
            while (true)
            {
                if (attempt.tryNow())
                {
                    return true;
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0 || !keepWaiting.stillWaiting() || Thread.currentThread().isInterrupted())
                {
                    return false;
                }
                roomOrNews.awaitNanos(Math.min(remaining, MAX_PARK_NANOS));
            }
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
        finally
        {
            lock.unlock();
            waiters.decrementAndGet();
        }
    }

    /** Gives room back (negative: takes more, without a limit, for what the batcher found it really holds). */
    void giveBack(long bytes)
    {
        if (bytes == 0)
        {
            return;
        }
        used.addAndGet(-bytes);
        if (bytes > 0)
        {
            wakeWaiters();
        }
    }

    /** Wakes every waiting thread to look again: room may have freed, or delivery may have changed state. */
    void wakeWaiters()
    {
        if (waiters.get() == 0)
        {
            return;
        }
        lock.lock();
        try
        {
            roomOrNews.signalAll();
        }
        finally
        {
            lock.unlock();
        }
    }

    /** One try at what a waiting thread waits for. */
    interface Attempt
    {
        boolean tryNow();
    }

    /** Whether waiting still makes sense (the engine is running, delivery is healthy). */
    interface KeepWaiting
    {
        boolean stillWaiting();
    }
}
