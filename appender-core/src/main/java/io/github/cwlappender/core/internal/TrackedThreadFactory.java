package io.github.cwlappender.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Makes an engine's threads of one role (batcher, senders) and remembers them, so that stopping can wait until each
 * has really ended: an executor or a Disruptor reports itself done while its threads are still on their way out, and
 * whoever looks for leftover threads once {@code stop()} has returned (a servlet container at undeploy) must find
 * none.
 */
final class TrackedThreadFactory implements ThreadFactory
{
    private final ThreadFactory names;
    private final List<Thread> started = new ArrayList<>();

    TrackedThreadFactory(String appenderName, String role)
    {
        this.names = EngineThread.factory(appenderName, role);
    }

    @Override
    public synchronized Thread newThread(Runnable task)
    {
        // A thread its pool replaced (after a task threw) is no longer worth waiting for.
        started.removeIf(old -> old.getState() == Thread.State.TERMINATED);
        Thread t = names.newThread(task);
        started.add(t);
        return t;
    }

    /** Waits until every thread made here has ended, or the deadline ({@link System#nanoTime()}) has passed. */
    boolean awaitAllEnded(long deadlineNanos)
    {
        List<Thread> threads;
        synchronized (this)
        {
            threads = new ArrayList<>(started);
        }
        boolean ended = true;
        for (Thread t : threads)
        {
            ended &= t == Thread.currentThread() || EngineThread.awaitEnd(t, deadlineNanos);
        }
        return ended;
    }
}
