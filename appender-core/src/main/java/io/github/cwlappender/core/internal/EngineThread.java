package io.github.cwlappender.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread owned by an engine (the batcher or a sender). Anything logged on one of these threads would loop back
 * into the appender, so the engine recognises them by type and drops their events.
 */
public final class EngineThread extends Thread
{
    private static final String PREFIX = "cwl-";

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

    /** True for the names {@link #factory} gives: {@code cwl-<appender>-batcher-<n>} or {@code -sender-<n>}. */
    public static boolean isEngineThreadName(String name)
    {
        return name != null && name.startsWith(PREFIX) && (name.contains("-batcher-") || name.contains("-sender-"));
    }

    /** Names threads {@code cwl-<appender>-<role>-<n>}. */
    public static ThreadFactory factory(String appenderName, String role)
    {
        AtomicInteger count = new AtomicInteger();
        return task -> new EngineThread(task, PREFIX + appenderName + "-" + role + "-" + count.incrementAndGet());
    }
}
