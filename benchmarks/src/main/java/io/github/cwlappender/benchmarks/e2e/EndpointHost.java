package io.github.cwlappender.benchmarks.e2e;

import com.sun.management.OperatingSystemMXBean;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.lang.management.ManagementFactory;

/**
 * A fresh strict CloudWatch Logs endpoint on 127.0.0.1 for one system, in the parent JVM, with what the run needs
 * to know of it: how many events it has stored and their bytes, the requests it served, and the CPU time it took.
 * It checks every request as strictly as the tests' endpoint but only counts what it stores: millions of kept events
 * would keep this JVM's garbage collector busy on the same cores as the system being measured.
 */
final class EndpointHost implements AutoCloseable
{
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();
    static final long FIRST_ARRIVAL_MILLIS = 30_000;

    final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.startCounting();

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

    /**
     * CPU time so far of this whole JVM: the endpoint's HTTP threads and, as much a cost of serving the system, this
     * JVM's garbage collector and JIT compiler; the harness's own threads only sleep and poll counters meanwhile.
     */
    static long processCpuNanos()
    {
        return PROCESS.getProcessCpuTime();
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
