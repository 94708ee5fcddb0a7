package io.github.cwlappender.benchmarks;

import io.github.cwlappender.core.CloudWatchLogs;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.FlushResult;
import io.github.cwlappender.core.StatusListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code CloudWatchLogs.flushAll} adds to the end of a Lambda invocation or a short job, with one appender of the
 * default configuration sending to a client that answers at once (so only the appender's own cost shows, not the
 * network's). "nothingPending": every event was already delivered, the common case for a handler that logged nothing
 * since the last flush. "oneEventPending": one event was logged just before, so the flush waits for the batcher to
 * see it, seals the batch and waits for its PutLogEvents call; the batcher is busy from the previous operation.
 * "oneEventPendingAfterIdle": the same after 30 ms of quiet, as at the end of an invocation that did other work
 * before logging; the batcher then parks for up to its idle wake-up (10 ms) between checks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FlushBenchmark
{
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String MESSAGE = "INFO  [main] c.e.orders.OrderHandler - order 81723 accepted";

    private CloudWatchLogsEngine engine;

    @Setup(Level.Trial)
    public void setUp()
    {
        engine = CloudWatchLogsEngine.create(EngineConfig.builder().name("bench-flush").logGroup("/bench")
                .logStream("bench").createLogStream(false).client(new NoopLogsClient(false)).build(),
                StatusListener.silent());
        engine.start();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        engine.stop(Duration.ofSeconds(5));
    }

    @Benchmark
    public FlushResult nothingPending()
    {
        return CloudWatchLogs.flushAll(TIMEOUT);
    }

    @Benchmark
    public FlushResult oneEventPending()
    {
        return logOneAndFlush();
    }

    @Benchmark
    public FlushResult oneEventPendingAfterIdle(Quiet quiet)
    {
        return logOneAndFlush();
    }

    private FlushResult logOneAndFlush()
    {
        engine.append(System.currentTimeMillis(), MESSAGE);
        FlushResult result = CloudWatchLogs.flushAll(TIMEOUT);
        if (!result.isComplete())
        {
            throw new IllegalStateException("the flush did not finish: " + result);
        }
        return result;
    }

    /** Leaves the appender idle before each call; JMH does not count the wait. */
    @State(Scope.Thread)
    public static class Quiet
    {
        @Setup(Level.Invocation)
        public void beQuiet() throws InterruptedException
        {
            Thread.sleep(30);
        }
    }
}
