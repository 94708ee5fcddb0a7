package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 13: with the default configuration, an outage of 20 s (30 s at full size, the design's figure) under
 * steady logging at 4,000 events/s of 200 bytes costs nothing. The byte budget holds everything logged during the
 * outage, the retries (60 s per batch by default) outlast it, and everything arrives after it, exactly once, while
 * {@code append()} stays prompt. Two kinds of outage: the port refuses connections (a server that is down), and the
 * port accepts connections and never answers (a hung server or a black-holed route), each behind an
 * {@link OutageProxy} on the engine's endpoint.
 */
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DefaultConfigOutageTest
{
    private static final int THREADS = 2;
    private static final int EVENTS_PER_SECOND = 4_000;
    private static final int EVENT_CHARS = 200;
    private static final long BEFORE_MILLIS = 2_000;
    private static final long AFTER_MILLIS = 3_000;
    /** The bound asserted on every append; the measured worst is reported. */
    private static final long APPEND_BOUND_MILLIS = 100;

    @Test
    void anOutageWithRefusedConnectionsCostsNoEventAndNoDuplicate() throws Exception
    {
        rideOut("defaults-outage-refused", OutageProxy::refuse);
    }

    @Test
    void anOutageWithAnEndpointThatNeverAnswersCostsNoEventAndNoDuplicate() throws Exception
    {
        rideOut("defaults-outage-silent", OutageProxy::silence);
    }

    private static void rideOut(String scenario, Consumer<OutageProxy> goDown) throws Exception
    {
        long outageMillis = Sizes.pick(20_000L, 30_000L);
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
                OutageProxy proxy = new OutageProxy(server.endpointUri()))
        {
            RecordingStatus status = new RecordingStatus();
            EngineConfig config = FakeEngines.defaultsOnly(server, proxy.endpoint(), scenario);
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);
            engine.start();
            long started = System.nanoTime();
            long loggingEnds = started + TimeUnit.MILLISECONDS.toNanos(BEFORE_MILLIS + outageMillis + AFTER_MILLIS);
            long[] window = new long[2];
            String[] failureDuringOutage = new String[1];
            long[] appended = new long[THREADS];
            AtomicLong worstNanos = new AtomicLong();
            AtomicLong worstDuringOutageNanos = new AtomicLong();
            boolean flushed;
            boolean clean;
            long recovered;
            String failureAfterRecovery;
            BufferWatch watch;
            try (BufferWatch w = new BufferWatch(engine))
            {
                watch = w;
                Load.Script outage = Load.script("outage", ignored -> {
                    LockSupport.parkNanos(started + TimeUnit.MILLISECONDS.toNanos(BEFORE_MILLIS) - System.nanoTime());
                    goDown.accept(proxy);
                    long down = System.nanoTime();
                    synchronized (window)
                    {
                        window[0] = System.currentTimeMillis();
                    }
                    // By now the engine has met the outage: the first batch of the outage has failed or hung > 2 s.
                    LockSupport.parkNanos(down + TimeUnit.SECONDS.toNanos(5) - System.nanoTime());
                    failureDuringOutage[0] = engine.deliveryFailure();
                    LockSupport.parkNanos(down + TimeUnit.MILLISECONDS.toNanos(outageMillis) - System.nanoTime());
                    synchronized (window)
                    {
                        window[1] = System.currentTimeMillis();
                    }
                    proxy.forward();
                }, () -> { });
                Load.run(scenario, THREADS, thread -> {
                    long threadStart = System.nanoTime();
                    long perThreadRate = EVENTS_PER_SECOND / THREADS;
                    long i = 0;
                    long worst = 0;
                    long worstDuringOutage = 0;
                    while (true)
                    {
                        long now = System.nanoTime();
                        if (now - loggingEnds >= 0)
                        {
                            break;
                        }
                        long due = (now - threadStart) * perThreadRate / 1_000_000_000L;
                        while (i < due)
                        {
                            String message = EventIds.message(scenario, thread, i, EVENT_CHARS);
                            long before = System.nanoTime();
                            long timestamp = System.currentTimeMillis();
                            boolean queued = engine.append(timestamp, message);
                            long took = System.nanoTime() - before;
                            worst = Math.max(worst, took);
                            if (inside(window, timestamp))
                            {
                                worstDuringOutage = Math.max(worstDuringOutage, took);
                            }
                            if (!queued)
                            {
                                throw new AssertionError("append of " + EventIds.id(scenario, thread, i)
                                        + " refused; " + engine.statistics());
                            }
                            i++;
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                    appended[thread] = i;
                    worstNanos.accumulateAndGet(worst, Math::max);
                    worstDuringOutageNanos.accumulateAndGet(worstDuringOutage, Math::max);
                });
                outage.join();
                long logged = System.nanoTime();
                flushed = engine.flush(Duration.ofMinutes(2));
                recovered = System.nanoTime() - logged;
                failureAfterRecovery = engine.deliveryFailure();
                clean = engine.stop();
            }
            long stopped = System.nanoTime();

            EngineStatistics stats = engine.statistics();
            List<StoredEvent> stored = server.storedEvents(FakeEngines.group(scenario), FakeEngines.stream(scenario));
            Copies copies = Copies.of(stored);
            long total = 0;
            for (long n : appended)
            {
                total += n;
            }
            long duringOutage = 0;
            long storedDuringOutage = 0;
            long firstIngestion = Long.MAX_VALUE;
            long lastIngestion = 0;
            for (StoredEvent e : stored)
            {
                if (e.timestamp() > window[0] && e.timestamp() < window[1])
                {
                    duringOutage++;
                    firstIngestion = Math.min(firstIngestion, e.ingestionTime());
                    lastIngestion = Math.max(lastIngestion, e.ingestionTime());
                }
                // Appended after the endpoint went down, stored before it came back: the outage leaked.
                if (e.timestamp() > window[0] && e.ingestionTime() < window[1])
                {
                    storedDuringOutage++;
                }
            }
            Report.of(scenario).put("outageMs", window[1] - window[0]).put("events", total)
                    .put("loggedDuringOutage", duringOutage).put("delivered", stats.delivered())
                    .put("dropped", stats.dropped()).put("rejected", stats.rejected())
                    .put("duplicates", copies.duplicates()).put("batches", stats.batchesSent())
                    .put("retries", stats.retries())
                    .put("peakBufferedMB", BufferWatch.mib(watch.peakBytes()))
                    .put("bufferMB", BufferWatch.mib(config.bufferBytes()))
                    .put("failingDuringOutage", failureDuringOutage[0] != null)
                    .put("outageEventsFirstStoredAfterMs", firstIngestion - window[1])
                    .put("outageEventsAllStoredAfterMs", lastIngestion - window[1])
                    .put("flushAfterLoggingMs", TimeUnit.NANOSECONDS.toMillis(recovered))
                    .put("proxyRequestsCut", proxy.requestsCut()).put("proxyRequestsHeld", proxy.requestsHeld())
                    .put("worstAppendMicros", TimeUnit.NANOSECONDS.toMicros(worstNanos.get()))
                    .put("worstAppendDuringOutageMicros", TimeUnit.NANOSECONDS.toMicros(worstDuringOutageNanos.get()))
                    .put("wallMs", TimeUnit.NANOSECONDS.toMillis(stopped - started)).print();

            assertThat(flushed).as("everything delivered after the recovery; %s", stats).isTrue();
            assertThat(clean).as("stop; %s", stats).isTrue();
            assertThat(stats.accepted()).as("%s", stats).isEqualTo(total);
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(total);
            assertThat(stats.dropped()).as("%s", stats).isZero();
            assertThat(stats.rejected()).as("%s", stats).isZero();
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
            assertThat(status.matching("WARN", "dropping events")).as("drop reports").isEmpty();
            assertEachStoredOnce(copies, scenario, appended);
            assertThat(copies.duplicates()).as("duplicates").isZero();
            assertThat(duringOutage).as("events logged during the outage")
                    .isGreaterThan(EVENTS_PER_SECOND * outageMillis / 1000 * 9 / 10);
            assertThat(storedDuringOutage).as("events logged during the outage and stored before it ended").isZero();
            assertThat(failureDuringOutage[0]).as("delivery counted as failing during the outage").isNotNull();
            assertThat(failureAfterRecovery).as("delivery healthy again after the recovery").isNull();
            assertThat(server.wholeRequestRejections()).isZero();
            assertThat(worstNanos.get()).as("worst append latency")
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(APPEND_BOUND_MILLIS));
        }
    }

    /** Every id appended by every thread was stored once, and nothing else was stored. */
    static void assertEachStoredOnce(Copies copies, String scenario, long[] appended)
    {
        StringBuilder wrong = new StringBuilder();
        int wrongCount = 0;
        long total = 0;
        for (int t = 0; t < appended.length; t++)
        {
            total += appended[t];
            for (long i = 0; i < appended[t]; i++)
            {
                String id = EventIds.id(scenario, t, i);
                int n = copies.count(id);
                if (n != 1 && wrongCount++ < 20)
                {
                    wrong.append(id).append(" stored ").append(n).append(" times; ");
                }
            }
        }
        assertThat(wrongCount).as("events not stored exactly once: %s", wrong).isZero();
        assertThat(copies.copies()).as("stored events, duplicates included").isEqualTo(total);
        assertThat(copies.withoutId()).as("stored events without an id").isZero();
    }

    private static boolean inside(long[] window, long millis)
    {
        synchronized (window)
        {
            return window[0] != 0 && millis >= window[0] && (window[1] == 0 || millis <= window[1]);
        }
    }
}
