package io.github.cwlappender.benchmarks.e2e;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One system through an outage: after a healthy start, every connection to the endpoint is closed without an
 * answer for the outage's length while the application logs at a steady rate; the child's heap after a full GC is
 * sampled all along. Then the endpoint recovers and what arrives is counted: lost = logged - stored.
 */
final class OutageRun
{
    private static final String LOG_GROUP = "/bench/outage";
    private static final long WARMUP_EVENTS = 1_000;

    private final Settings settings;

    OutageRun(Settings settings)
    {
        this.settings = settings;
    }

    OutageResult run(SystemKind kind)
    {
        OutageResult result = new OutageResult();
        result.kind = kind;
        result.outageSeconds = settings.outageSeconds;
        result.rate = settings.outageRate;
        Path stderr = settings.out.resolve("logs").resolve("outage-" + kind.id() + ".err");
        try (EndpointHost host = new EndpointHost())
        {
            LoggingSystem.Target target = new LoggingSystem.Target(host.server.endpoint(), host.server.region(),
                    LOG_GROUP, "bench-" + kind.id());
            ChildJvm child = ChildJvm.start(kind, target, settings.childHeap, stderr);
            try
            {
                child.expect("READY", 120_000);
                Phase warm = Phase.start(child, WARMUP_EVENTS, 0, 60_000);
                host.awaitStored(WARMUP_EVENTS, warm::producersDone, settings.quietMillis, 120_000);
                warm.awaitProducers(60_000);
                long storedBefore = host.stored();
                result.heapBefore = heap(child);
                outage(host, child, result);
                // Recovery: whatever the system still holds may now arrive.
                EndpointHost.Settled settled = host.awaitStored(storedBefore + result.logged, () -> true,
                        settings.recoveryQuietMillis, 180_000);
                result.heapAfterRecovery = heap(child);
                child.send("STOP");
                result.ownReport = child.expect("STOPPED", 120_000);
                result.stored = Math.max(settled.stored, host.stored()) - storedBefore;
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

    private void outage(EndpointHost host, ChildJvm child, OutageResult result) throws Exception
    {
        long outageMillis = settings.outageSeconds * 1000L;
        long events = (long) settings.outageRate * settings.outageSeconds;
        host.server.faults().outageFor(Duration.ofMillis(outageMillis));
        long start = System.nanoTime();
        Phase logging = Phase.start(child, events, settings.outageRate, outageMillis + 30_000);
        long sampleNanos = settings.heapSampleSeconds * 1_000_000_000L;
        long nextSample = start + sampleNanos;
        while (!logging.producersDone())
        {
            long wait = nextSample - System.nanoTime();
            if (wait <= 0)
            {
                result.heapSamples.add(heap(child));
                nextSample += sampleNanos;
            }
            else
            {
                Thread.sleep(Math.min(50, wait / 1_000_000 + 1));
            }
        }
        logging.awaitProducers(60_000);
        result.logged = logging.logged();
        result.heapEndOfOutage = heap(child);
    }

    private static long heap(ChildJvm child) throws Exception
    {
        child.send("HEAP");
        return Long.parseLong(child.expect("HEAP", 60_000));
    }
}
