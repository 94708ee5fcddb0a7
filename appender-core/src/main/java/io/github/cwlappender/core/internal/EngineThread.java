package io.github.cwlappender.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread owned by an engine: the batcher, a sender (which also warms the client up at start), or the stopper that
 * finishes an engine's delivery after its appender was reconfigured away. Anything logged on one of these threads
 * would loop back into the appender, so the engine recognises them by type and drops their events.
 */
public final class EngineThread extends Thread
{
    private static final String PREFIX = "cwl-";
    private static final String[] ROLES = {"-batcher-", "-sender-", "-stopper-"};

    private EngineThread(Runnable task, String name)
    {
        super(task, name);
        // Daemon, so a JVM never waits for the log pipe at exit; stop() bounds the drain instead.
        setDaemon(true);
    }

    public static boolean isCurrent()
    {
        return Thread.currentThread() instanceof EngineThread;
    }

    /**
     * True for the names {@link #factory} gives: {@code cwl-<appender>-batcher-<n>}, {@code -sender-<n>} or
     * {@code -stopper-<n>}. An event handed to another thread (an async logger, an {@code AsyncAppender}) still
     * carries the name of the thread it was logged on.
     */
    public static boolean isEngineThreadName(String name)
    {
        if (name == null || !name.startsWith(PREFIX))
        {
            return false;
        }
        for (String role : ROLES)
        {
            if (name.contains(role))
            {
                return true;
            }
        }
        return false;
    }

    /** Names threads {@code cwl-<appender>-<role>-<n>}; {@code role} is one of batcher, sender, stopper. */
    public static ThreadFactory factory(String appenderName, String role)
    {
        AtomicInteger count = new AtomicInteger();
        return task -> new EngineThread(task, PREFIX + appenderName + "-" + role + "-" + count.incrementAndGet());
    }

    /**
     * Waits until {@code thread} has ended or {@code deadlineNanos} ({@link System#nanoTime()}) has passed, and says
     * whether it ended. The wait is bounded, so an interrupt does not cut it short; it is handed back to the caller.
     */
    public static boolean awaitEnd(Thread thread, long deadlineNanos)
    {
        boolean interrupted = false;
        while (thread.isAlive() && deadlineNanos - System.nanoTime() > 0)
        {
            try
            {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
            }
            catch (InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
