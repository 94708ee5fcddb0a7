package io.github.cwlappender.benchmarks.e2e;

import java.nio.file.Path;

/**
 * One system against a healthy endpoint: a warm-up phase (so each JVM's JIT has compiled the path; none with
 * {@code --warmup 0}), then the measured phase, whose clock runs from the moment the parent says RUN to the arrival
 * at the endpoint of the last event. The endpoint's CPU share and the child's are measured over the same phase.
 */
final class DeliveryRun
{
    private static final String LOG_GROUP = "/bench/e2e";
    private static final long START_TIMEOUT_MILLIS = 120_000;

    private final Settings settings;
    /** Events the endpoint held when the measured phase began (the warm-up's). */
    private long storedBeforeMain;
    private long bytesBeforeMain;

    DeliveryRun(Settings settings)
    {
        this.settings = settings;
    }

    DeliveryResult run(SystemKind kind)
    {
        DeliveryResult result = new DeliveryResult();
        result.kind = kind;
        result.events = settings.events;
        Path stderr = settings.out.resolve("logs").resolve("e2e-" + kind.id() + ".err");
        try (EndpointHost host = new EndpointHost())
        {
            LoggingSystem.Target target = new LoggingSystem.Target(host.server.endpoint(), host.server.region(),
                    LOG_GROUP, "bench-" + kind.id());
            ChildJvm child = ChildJvm.start(kind, target, settings.childHeap, stderr);
            try
            {
                child.expect("READY", START_TIMEOUT_MILLIS);
                if (settings.warmupEvents > 0)
                {
                    long capMillis = settings.capSeconds * 1000;
                    Phase warm = Phase.start(child, settings.warmupEvents, 0, capMillis / 4);
                    host.awaitStored(settings.warmupEvents, warm::producersDone, settings.quietMillis,
                            capMillis / 4 + 120_000);
                    warm.awaitProducers(START_TIMEOUT_MILLIS);
                }
                try
                {
                    measure(host, child, result);
                }
                catch (Exception e)
                {
                    stopQuietly(child);
                    throw e;
                }
                child.send("STOP");
                result.ownReport = child.expect("STOPPED", 120_000);
                result.stored = host.stored() - storedBeforeMain;
            }
            finally
            {
                child.close();
            }
        }
        catch (Exception e)
        {
            result.error = LoadChild.oneLine(e) + " (child output: " + stderr + ")";
        }
        return result;
    }

    // After a failure: let the system stop and print its status to the child's log, for the reader of that log.
    private static void stopQuietly(ChildJvm child)
    {
        try
        {
            child.send("STOP");
            child.expect("STOPPED", 30_000);
        }
        catch (Exception ignored)
        {
            // The first failure is the one reported.
        }
    }

    private void measure(EndpointHost host, ChildJvm child, DeliveryResult result) throws Exception
    {
        storedBeforeMain = host.stored();
        bytesBeforeMain = host.storedBytes();
        long requestsBefore = host.putRequests();
        long endpointCpuBefore = EndpointHost.processCpuNanos();
        long[] childCpuBefore = childCpu(child);
        long capMillis = settings.capSeconds * 1000;
        long start = System.nanoTime();
        Phase main = Phase.start(child, settings.events, 0, capMillis);
        EndpointHost.Settled settled = host.awaitStored(storedBeforeMain + settings.events, main::producersDone,
                settings.quietMillis, capMillis + 300_000);
        long endpointCpuAfter = EndpointHost.processCpuNanos();
        main.awaitProducers(capMillis + 60_000);
        long[] childCpuAfter = childCpu(child);
        if (settled.stored == storedBeforeMain)
        {
            throw new IllegalStateException("not one of the " + main.logged() + " events logged reached the endpoint");
        }
        double wallNanos = settled.lastArrivalNanos - start;
        result.logged = main.logged();
        result.capped = main.logged() < settings.events;
        result.timedOut = settled.timedOut;
        result.seconds = wallNanos / 1e9;
        result.loggingSeconds = main.logNanos() / 1e9;
        result.storedInTime = settled.stored - storedBeforeMain;
        result.bytes = host.storedBytes() - bytesBeforeMain;
        result.requests = host.putRequests() - requestsBefore;
        result.endpointCpuPct = 100.0 * (endpointCpuAfter - endpointCpuBefore) / wallNanos;
        result.systemCpuPct = 100.0 * (childCpuAfter[0] - childCpuBefore[0]) / wallNanos;
        result.compilerCpuPct = childCpuBefore[1] < 0 || childCpuAfter[1] < 0 ? Double.NaN
                : 100.0 * (childCpuAfter[1] - childCpuBefore[1]) / wallNanos;
    }

    /** The child's process CPU time and its JIT compiler threads' (-1 where unknown), in nanoseconds. */
    private static long[] childCpu(ChildJvm child) throws Exception
    {
        child.send("CPU");
        String[] words = child.expect("CPU", 30_000).split(" ");
        return new long[] {Long.parseLong(words[0]), Long.parseLong(words[1])};
    }
}
