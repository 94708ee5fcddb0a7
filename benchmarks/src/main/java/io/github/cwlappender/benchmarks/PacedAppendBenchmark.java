package io.github.cwlappender.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one logger call costs the application thread while the buffer behind it has room: the fronts and pairs of
 * {@link AdapterAppendBenchmark}, logging in bursts of {@value #BURST} calls, each burst started only once every buffer
 * behind the logger has room for both threads' next bursts.
 *
 * <p>{@code AdapterAppendBenchmark}'s threads call as fast as they can, so wherever the thread behind a front is
 * slower than its callers, its buffer fills and the score becomes that thread's pace, not the call's cost: our
 * batcher, with two logging threads on two cores; Log4j2's async-logger thread, which runs the appender (ours formats
 * there, {@code Null} does nothing). Here nobody waits for room inside a measured call. The time spent waiting for
 * room between bursts is not measured, and the calling thread's CPU time and allocation while it waits are left out
 * of the secondary results. The consumers still run during a burst, on the same cores, as they would in an
 * application.
 *
 * <p>Room is space for one burst of each of two threads, 200 events, which the smallest buffer of the pairs holds:
 * Logback's {@code AsyncAppender} takes 256 events by default, Log4j2's {@code <Async>} 1,024, the async loggers' ring
 * 262,144, ours 32,768 slots (see {@link OursBuffer#ROOM_BYTES} for what room means there).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(PacedAppendBenchmark.BURST)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacedAppendBenchmark
{
    static final int BURST = 100;
    // Room for the next burst of every thread of the two-thread benchmarks.
    private static final int ROOM = 2 * BURST;
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Waits, parked, until {@code hasRoom} says the buffers take {@link #ROOM} events more. */
    static void awaitRoom(IntPredicate hasRoom)
    {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (!hasRoom.test(ROOM))
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the buffer had no room for " + ROOM + " events within 30 s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * The calling thread's arguments and counters, which also waits for room before each burst. One state object for
     * both, since JMH takes a thread's counters from one object and only from methods the class itself declares.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PacedArguments extends AdapterAppendBenchmark.Arguments
    {
        // The front's check, handed over by the first burst (a warm-up one); each front has a type of its own.
        private IntPredicate hasRoom;

        void pacedBy(IntPredicate frontHasRoom)
        {
            hasRoom = frontHasRoom;
        }

        boolean isPaced()
        {
            return hasRoom != null;
        }

        @Setup(Level.Invocation)
        public void awaitRoom()
        {
            if (hasRoom != null)
            {
                pauseCounting();
                PacedAppendBenchmark.awaitRoom(hasRoom);
                resumeCounting();
            }
        }

        @Override
        public long loggingThreadBytes()
        {
            return super.loggingThreadBytes();
        }

        @Override
        public long loggingThreadCpuNanos()
        {
            return super.loggingThreadCpuNanos();
        }

        @Override
        public long loggingThreadCalls()
        {
            return super.loggingThreadCalls();
        }
    }

    @Benchmark
    @Threads(1)
    public void logback(AdapterAppendBenchmark.LogbackFront front, PacedArguments args)
    {
        burst(front, args);
    }

    @Benchmark
    @Threads(2)
    public void logbackTwoThreads(AdapterAppendBenchmark.LogbackFront front, PacedArguments args)
    {
        burst(front, args);
    }

    @Benchmark
    @Threads(1)
    public void log4j2(AdapterAppendBenchmark.Log4j2SyncFront front, PacedArguments args)
    {
        burst(front, args);
    }

    @Benchmark
    @Threads(2)
    public void log4j2TwoThreads(AdapterAppendBenchmark.Log4j2SyncFront front, PacedArguments args)
    {
        burst(front, args);
    }

    @Benchmark
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = AdapterAppendBenchmark.SELECTOR)
    public void asyncLoggers(AdapterAppendBenchmark.AsyncLoggersFront front, PacedArguments args)
    {
        burst(front, args);
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = AdapterAppendBenchmark.SELECTOR)
    public void asyncLoggersTwoThreads(AdapterAppendBenchmark.AsyncLoggersFront front, PacedArguments args)
    {
        burst(front, args);
    }

    private static void burst(AdapterAppendBenchmark.Front front, PacedArguments args)
    {
        if (!args.isPaced())
        {
            args.pacedBy(front::hasRoom);
        }
        for (int i = 0; i < BURST; i++)
        {
            front.log(args);
        }
    }
}
