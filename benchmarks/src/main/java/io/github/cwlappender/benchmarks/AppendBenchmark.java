package io.github.cwlappender.benchmarks;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost an application thread pays to hand one formatted event over, for our Disruptor ring and for the queue
 * shapes of other appenders, side by side. "draining": a consumer keeps up (the normal case). "full": the consumer
 * is stalled, as during an outage, so every call takes the full-buffer path (drop and count).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AppendBenchmark
{
    private static final String MESSAGE =
            "2026-11-24 10:15:30.123 INFO  [http-nio-8080-exec-7] c.e.orders.OrderService - order 81723 accepted";

    @Param({"cwl-ring", "array-blocking-queue", "linked-blocking-queue"})
    public String shape;

    @Param({"draining", "full"})
    public String consumer;

    private CloudWatchLogsEngine engine;
    private NoopLogsClient client;
    private QueueShapes.DrainedQueue queue;

    @Setup(Level.Trial)
    public void setUp()
    {
        boolean stalled = consumer.equals("full");
        int capacity = 8192;
        switch (shape)
        {
            case "cwl-ring":
                client = new NoopLogsClient(stalled);
                engine = CloudWatchLogsEngine.create(EngineConfig.builder().name("bench").logGroup("/bench")
                        .logStream("bench").client(client).bufferSize(capacity).build(), StatusListener.silent());
                engine.start();
                break;
            case "array-blocking-queue":
                queue = QueueShapes.DrainedQueue.arrayBlocking(capacity, stalled);
                break;
            default:
                queue = QueueShapes.DrainedQueue.linkedBlocking(capacity, stalled);
                break;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (engine != null)
        {
            client.release();
            engine.stop(Duration.ofSeconds(5));
        }
        if (queue != null)
        {
            queue.stop();
        }
    }

    private boolean offer()
    {
        long now = System.currentTimeMillis();
        return engine != null ? engine.append(now, MESSAGE) : queue.offer(now, MESSAGE);
    }

    @Benchmark
    @Threads(1)
    public boolean oneThread()
    {
        return offer();
    }

    @Benchmark
    @Threads(4)
    public boolean fourThreads()
    {
        return offer();
    }
}
