package io.github.cwlappender.benchmarks;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.StatusListener;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * End-to-end delivery throughput: application threads log N events, the engine delivers them over real HTTP to the
 * strict fake CloudWatch Logs endpoint on loopback, and the clock stops when the fake has stored all of them. Each
 * configuration runs against a fresh endpoint, side by side in one run, with and without a simulated round trip.
 * The baseline is the shape of several existing appenders: one sender, 128 events per request.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.cwlappender.benchmarks.DeliveryThroughput
 * [events] [roundTripMillis]}
 */
public final class DeliveryThroughput
{
    private static final String GROUP = "/bench/delivery";
    private static final String STREAM = "bench";
    private static final int PRODUCERS = 4;

    private DeliveryThroughput()
    {
    }

    public static void main(String[] args) throws Exception
    {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long roundTrip = args.length > 1 ? Long.parseLong(args[1]) : 30;
        System.out.printf(Locale.ROOT, "events=%d, producers=%d, message=~%d bytes%n", events, PRODUCERS,
                message(0).length());
        // Warm the JIT on both code paths so the first timed row is not penalised.
        baseline(Math.max(1000, events / 5), 0);
        engine(Math.max(1000, events / 5), 0, 2);
        System.out.println("| configuration | simulated round trip | seconds | events/s | requests | stored |");
        System.out.println("|---|---|---|---|---|---|");
        for (long rtt : new long[] {0, roundTrip})
        {
            report("baseline: 1 sender, 128 events/request", rtt, baseline(events, rtt));
            for (int inFlight : new int[] {1, 2, 4})
            {
                report("cwl engine, maxInFlight=" + inFlight, rtt, engine(events, rtt, inFlight));
            }
        }
    }

    private static String message(int id)
    {
        return String.format(Locale.ROOT,
                "2026-11-24T10:15:30.123Z INFO [worker-%d] c.e.orders.OrderService - order %09d accepted, total=42.50",
                id % PRODUCERS, id);
    }

    private static Result engine(int events, long rtt, int maxInFlight) throws Exception
    {
        try (StrictCloudWatchLogsServer server = server(rtt))
        {
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(EngineConfig.builder().name("bench")
                    .logGroup(GROUP).logStream(STREAM).endpoint(server.endpoint()).region(server.region())
                    .credentialsProvider(server.credentials()).maxInFlight(maxInFlight).bufferSize(65_536)
                    .onBufferFull("BLOCK").blockTimeoutMillis(60_000).build(), StatusListener.silent());
            engine.start();
            long start = System.nanoTime();
            CountDownLatch done = new CountDownLatch(PRODUCERS);
            for (int p = 0; p < PRODUCERS; p++)
            {
                int first = p;
                Thread t = new Thread(() -> {
                    for (int i = first; i < events; i += PRODUCERS)
                    {
                        engine.append(System.currentTimeMillis(), message(i));
                    }
                    done.countDown();
                });
                t.start();
            }
            done.await();
            engine.flush(Duration.ofMinutes(10));
            long nanos = System.nanoTime() - start;
            EngineStatistics stats = engine.statistics();
            engine.stop(Duration.ofSeconds(10));
            if (stats.delivered() != events)
            {
                throw new IllegalStateException("not everything was delivered: " + stats);
            }
            return new Result(nanos, server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS),
                    server.storedEvents(GROUP, STREAM).size(), events);
        }
    }

    private static Result baseline(int events, long rtt)
    {
        try (StrictCloudWatchLogsServer server = server(rtt))
        {
            CloudWatchLogsClient client = server.client();
            long start = System.nanoTime();
            List<InputLogEvent> batch = new ArrayList<>(128);
            for (int i = 0; i < events; i++)
            {
                batch.add(InputLogEvent.builder().timestamp(System.currentTimeMillis()).message(message(i)).build());
                if (batch.size() == 128 || i == events - 1)
                {
                    List<InputLogEvent> send = batch;
                    client.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM).logEvents(send));
                    batch = new ArrayList<>(128);
                }
            }
            long nanos = System.nanoTime() - start;
            return new Result(nanos, server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS),
                    server.storedEvents(GROUP, STREAM).size(), events);
        }
    }

    private static StrictCloudWatchLogsServer server(long rtt)
    {
        StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
        server.createLogGroup(GROUP);
        server.createLogStream(GROUP, STREAM);
        if (rtt > 0)
        {
            server.faults().slowResponses(Duration.ofMillis(rtt));
        }
        return server;
    }

    private static void report(String name, long rtt, Result r)
    {
        double seconds = r.nanos / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %d ms | %.2f | %,.0f | %d | %d |%n", name, rtt, seconds,
                r.events / seconds, r.requests, r.stored);
    }

    private static final class Result
    {
        final long nanos;
        final long requests;
        final long stored;
        final int events;

        Result(long nanos, long requests, long stored, int events)
        {
            this.nanos = nanos;
            this.requests = requests;
            this.stored = stored;
            this.events = events;
        }
    }
}
