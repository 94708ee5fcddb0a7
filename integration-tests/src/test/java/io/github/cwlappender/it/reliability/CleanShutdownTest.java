package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 1: many events from several threads, then {@code stop()}: every event arrives exactly once and nothing
 * is dropped. The buffer policy is BLOCK with a long timeout, so this is about delivery, not about drops.
 */
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CleanShutdownTest
{
    private static final String SCENARIO = "clean-shutdown";
    private static final int THREADS = 4;

    @Test
    void everyEventFromFourThreadsIsDeliveredExactlyOnceWhenTheEngineStops() throws Exception
    {
        int perThread = Sizes.pick(100_000, 1_000_000) / THREADS;
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            RecordingStatus status = new RecordingStatus();
            // Not the defaults, on purpose: BLOCK waits for room whatever the state of delivery, and for up to
            // 2 minutes, so that no event is dropped even on a slow runner; this scenario is about delivery at
            // stop(), not about a full buffer. The default configuration is proven by DefaultConfigDeliveryTest.
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(FakeEngines.config(server, SCENARIO)
                    .onBufferFull(OnBufferFull.BLOCK)
                    .blockTimeoutMillis(120_000)
                    .shutdownTimeoutMillis(300_000)
                    .build(), status);
            engine.start();
            long started = System.nanoTime();

            Load.run(SCENARIO, THREADS, thread -> {
                for (int i = 0; i < perThread; i++)
                {
                    assertThat(engine.append(System.currentTimeMillis(), EventIds.message(SCENARIO, thread, i)))
                            .as("append of event %d on thread %d", i, thread).isTrue();
                }
            });
            long logged = System.nanoTime();
            boolean clean = engine.stop(Duration.ofMinutes(5));
            long stopped = System.nanoTime();

            EngineStatistics stats = engine.statistics();
            Copies copies = Copies.of(server.storedEvents(FakeEngines.group(SCENARIO), FakeEngines.stream(SCENARIO)));
            Report.of(SCENARIO).put("events", THREADS * perThread).put("delivered", stats.delivered())
                    .put("dropped", stats.dropped()).put("rejected", stats.rejected())
                    .put("batches", stats.batchesSent()).put("retries", stats.retries())
                    .put("appendMs", TimeUnit.NANOSECONDS.toMillis(logged - started))
                    .put("stopMs", TimeUnit.NANOSECONDS.toMillis(stopped - logged))
                    .put("wallMs", TimeUnit.NANOSECONDS.toMillis(stopped - started)).print();

            assertThat(clean).as("stop() reports that nothing was lost; %s", stats).isTrue();
            assertThat(stats.accepted()).isEqualTo((long) THREADS * perThread);
            assertThat(stats.delivered()).as("%s", stats).isEqualTo((long) THREADS * perThread);
            assertThat(stats.dropped()).as("%s", stats).isZero();
            assertThat(stats.rejected()).as("%s", stats).isZero();
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
            assertDeliveredExactlyOnce(copies, SCENARIO, THREADS, perThread);
            assertThat(server.wholeRequestRejections()).isZero();
        }
    }

    /** Every id of every thread was stored once, and nothing else was stored. */
    static void assertDeliveredExactlyOnce(Copies copies, String scenario, int threads, int perThread)
    {
        StringBuilder wrong = new StringBuilder();
        int wrongCount = 0;
        for (int t = 0; t < threads; t++)
        {
            for (int i = 0; i < perThread; i++)
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
        assertThat(copies.copies()).as("stored events, duplicates included").isEqualTo((long) threads * perThread);
        assertThat(copies.withoutId()).as("stored events without an id").isZero();
    }
}
