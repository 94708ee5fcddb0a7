package io.github.cwlappender.benchmarks.e2e;

import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh strict CloudWatch Logs endpoint on 127.0.0.1 for one system, in the parent JVM, with what the run needs
 * to know of it: how many events it has stored and their bytes, the requests it served, and the CPU time of its own
 * threads (the JDK HTTP server's dispatcher and its handler threads). It checks every request as strictly as the
 * tests' endpoint but only counts what it stores: millions of kept events would keep this JVM's garbage collector
 * busy on the same cores as the system being measured.
 */
final class EndpointHost implements AutoCloseable
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final long FIRST_ARRIVAL_MILLIS = 30_000;

    final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.startCounting();

    static
    {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled())
        {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    long stored()
    {
        return server.storedEventCount();
    }

    long putRequests()
    {
        return server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS);
    }

    /** UTF-8 bytes of the messages stored so far. */
    long storedBytes()
    {
        return server.storedMessageBytes();
    }

    /** CPU time so far of each of the endpoint's threads, by thread id. */
    Map<Long, Long> threadCpu()
    {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds()))
        {
            if (info != null && isEndpointThread(info.getThreadName()))
            {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0)
                {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    /** The endpoint's CPU time between two {@link #threadCpu()} snapshots (threads born in between count whole). */
    static long cpuBetween(Map<Long, Long> before, Map<Long, Long> after)
    {
        long total = 0;
        for (Map.Entry<Long, Long> e : after.entrySet())
        {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    private static boolean isEndpointThread(String name)
    {
        return name.startsWith("strict-cwl-") || name.startsWith("HTTP-Dispatcher");
    }

    /**
     * Waits until {@code target} events are stored, or, once {@code producersDone} says the application stopped
     * logging, until nothing more has arrived for {@code quietMillis} (for {@value #FIRST_ARRIVAL_MILLIS} ms when
     * nothing at all has arrived yet: a system may take that long to start), or until {@code timeoutMillis}. The count
     * is read every 5 ms, so the last arrival is known to within that.
     */
    Settled awaitStored(long target, java.util.function.BooleanSupplier producersDone, long quietMillis,
            long timeoutMillis) throws InterruptedException
    {
        long start = System.nanoTime();
        long initial = stored();
        long lastCount = initial;
        long lastGrowth = System.nanoTime();
        while (lastCount < target)
        {
            Thread.sleep(5);
            long now = System.nanoTime();
            long count = stored();
            if (count != lastCount)
            {
                lastCount = count;
                lastGrowth = now;
            }
            long quiet = lastCount > initial ? quietMillis : Math.max(quietMillis, FIRST_ARRIVAL_MILLIS);
            if (producersDone.getAsBoolean() && (now - lastGrowth) / 1_000_000 >= quiet)
            {
                return new Settled(lastCount, lastGrowth, false);
            }
            if ((now - start) / 1_000_000 >= timeoutMillis)
            {
                return new Settled(lastCount, lastGrowth, true);
            }
        }
        return new Settled(lastCount, lastGrowth, false);
    }

    /** How waiting for the events ended: the count, when the last of them arrived, and whether time ran out. */
    static final class Settled
    {
        final long stored;
        final long lastArrivalNanos;
        final boolean timedOut;

        Settled(long stored, long lastArrivalNanos, boolean timedOut)
        {
            this.stored = stored;
            this.lastArrivalNanos = lastArrivalNanos;
            this.timedOut = timedOut;
        }
    }

    @Override
    public void close()
    {
        server.close();
    }
}
