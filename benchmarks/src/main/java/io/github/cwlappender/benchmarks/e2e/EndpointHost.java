package io.github.cwlappender.benchmarks.e2e;

import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh strict CloudWatch Logs endpoint on 127.0.0.1 for one system, in the parent JVM, with what the run needs
 * to know of it: how many events it has stored (counted without holding it up for long), the requests it served,
 * and the CPU time of its own threads (the JDK HTTP server's dispatcher and its handler threads).
 */
final class EndpointHost implements AutoCloseable
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final long FIRST_ARRIVAL_MILLIS = 30_000;

    final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();

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

    /** UTF-8 bytes of the messages stored from position {@code from} on (the events of one phase). */
    long storedBytes(long from)
    {
        List<StoredEvent> events = server.storedEvents();
        long bytes = 0;
        for (int i = (int) from; i < events.size(); i++)
        {
            String message = events.get(i).message();
            bytes += message.length();
            for (int c = 0; c < message.length(); c++)
            {
                if (message.charAt(c) >= 0x80)
                {
                    bytes += message.charAt(c) >= 0x800 ? 2 : 1;
                }
            }
        }
        return bytes;
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
     * nothing at all has arrived yet: a system may take that long to start), or until {@code timeoutMillis}. Counting
     * copies the store's list, so it is done when a request has come in, at most every 20 ms, and at least every
     * 250 ms.
     */
    Settled awaitStored(long target, java.util.function.BooleanSupplier producersDone, long quietMillis,
            long timeoutMillis) throws InterruptedException
    {
        long start = System.nanoTime();
        long initial = stored();
        long lastCount = initial;
        long lastGrowth = System.nanoTime();
        long lastRequests = putRequests();
        long lastCheck = System.nanoTime();
        while (lastCount < target)
        {
            Thread.sleep(5);
            long now = System.nanoTime();
            long requests = putRequests();
            long sinceCheck = (now - lastCheck) / 1_000_000;
            if ((requests != lastRequests && sinceCheck >= 20) || sinceCheck >= 250)
            {
                lastRequests = requests;
                lastCheck = now;
                long count = stored();
                if (count != lastCount)
                {
                    lastCount = count;
                    lastGrowth = now;
                }
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
