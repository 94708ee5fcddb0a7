package io.github.cwlappender.core;

import io.github.cwlappender.core.internal.RunningEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Application-wide operations on every CloudWatch Logs appender running in this JVM (more exactly, in the class
 * loader of this library), whichever logging framework configured it.
 *
 * @since 0.2.0
 */
public final class CloudWatchLogs
{
    // Far beyond any useful timeout, and small enough that deadline arithmetic on System.nanoTime() cannot overflow.
    private static final long LONGEST_WAIT_NANOS = Long.MAX_VALUE / 4;

    private CloudWatchLogs()
    {
    }

    /**
     * Delivers what every running appender holds: each seals its open batch now, without waiting for
     * {@code lingerMillis}, and this call returns once every event accepted before it is delivered, rejected or
     * dropped (each counted in the appender's statistics), or once {@code timeout} has passed, whichever is first.
     *
     * <p>Call it where buffered events would otherwise wait too long or be lost: at the end of each AWS Lambda
     * invocation (the execution environment is frozen between invocations), at the end of a short batch job, or
     * before a test reads what arrived. Appenders with nothing outstanding cost a read of their counters and no
     * wait. All appenders seal their batches at once and deliver side by side, within the one timeout.
     *
     * <p>Safe from any thread. It never throws for a timeout and never waits past it; on an appender's own
     * threads (where waiting would wait for itself) it returns at once, flushing nothing. Events logged while it
     * runs may or may not be included.
     *
     * @param timeout the longest this call waits; zero or negative checks without waiting
     * @return what was finished and what is still pending; check {@link FlushResult#isComplete()}
     */
    public static FlushResult flushAll(Duration timeout)
    {
        long deadline = System.nanoTime() + nanosAtMost(timeout);
        List<CloudWatchLogsEngine> engines = RunningEngines.snapshot();
        List<String> unfinished = new ArrayList<>(0);
        long pending = 0;
        // Seal every open batch first, so that the appenders deliver side by side while this thread waits for
        // each in turn: one slow appender then costs the others no time. A zero timeout only asks.
        if (engines.size() > 1)
        {
            for (CloudWatchLogsEngine engine : engines)
            {
                engine.flush(Duration.ZERO);
            }
        }
        for (CloudWatchLogsEngine engine : engines)
        {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            // On an engine thread this returns at once (true only with nothing outstanding).
            if (!engine.flush(left))
            {
                unfinished.add(engine.config().name());
                pending += engine.statistics().pending();
            }
        }
        return new FlushResult(engines.size(), unfinished, pending);
    }

    /**
     * The appenders running now, in the order they started: each one's {@link CloudWatchLogsEngine#statistics()},
     * configuration and delivery state.
     */
    public static List<CloudWatchLogsEngine> runningEngines()
    {
        return RunningEngines.snapshot();
    }

    /** A timeout in nanoseconds, never negative, never so large that a deadline from it overflows. */
    static long nanosAtMost(Duration timeout)
    {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative())
        {
            return 0;
        }
        if (timeout.getSeconds() >= LONGEST_WAIT_NANOS / 1_000_000_000L)
        {
            return LONGEST_WAIT_NANOS;
        }
        return timeout.toNanos();
    }
}
