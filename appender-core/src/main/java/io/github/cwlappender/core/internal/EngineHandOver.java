package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the engines a reconfiguration of the logging framework no longer needs. The reconfiguring thread (Logback's
 * {@code scan}, Log4j2's {@code monitorInterval}, an application loading a new configuration) must not be held for
 * a whole {@code shutdownTimeoutMillis} by an unreachable endpoint: each engine stops on a stopper thread of its
 * own, the caller waits {@link #WAIT_MILLIS} at most, and the engine finishes its delivery alone within its own
 * deadline, its losses counted and reported as at any stop. When the framework itself stops (at exit, say),
 * {@link #awaitFinishing} waits for the engines still finishing, so that what they hold is still delivered.
 */
public final class EngineHandOver
{
    /** The longest the caller waits for one engine to deliver what it holds before the engine goes on alone. */
    public static final long WAIT_MILLIS = 500;
    // On top of an engine's own deadline, for its stopper thread to end after it.
    private static final long STOPPER_END_MARGIN_MILLIS = 1000;

    // Stopper threads still running, each with the System.nanoTime() by which it ends.
    private final Map<Thread, Long> finishing = new LinkedHashMap<>();

    /**
     * Stops {@code engine} within {@code limitMillis} on a stopper thread, waiting {@link #WAIT_MILLIS} at most.
     * True when the engine had stopped by then with nothing lost; false when it lost events or goes on alone.
     */
    public boolean stop(CloudWatchLogsEngine engine, long limitMillis)
    {
        AtomicBoolean delivered = new AtomicBoolean();
        Thread stopper = EngineThread.factory(engine.config().name(), "stopper")
                .newThread(() -> delivered.set(engine.stop(Duration.ofMillis(limitMillis))));
        long endsBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis + STOPPER_END_MARGIN_MILLIS);
        stopper.start();
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(Math.min(WAIT_MILLIS, limitMillis));
        if (!EngineThread.awaitEnd(stopper, System.nanoTime() + waitNanos))
        {
            synchronized (finishing)
            {
                finishing.put(stopper, endsBy);
            }
            return false;
        }
        return delivered.get();
    }

    /** Waits for the engines that {@link #stop} left finishing, each until its own deadline. */
    public void awaitFinishing()
    {
        Map<Thread, Long> waiting;
        synchronized (finishing)
        {
            waiting = new LinkedHashMap<>(finishing);
            finishing.clear();
        }
        waiting.forEach(EngineThread::awaitEnd);
    }
}
