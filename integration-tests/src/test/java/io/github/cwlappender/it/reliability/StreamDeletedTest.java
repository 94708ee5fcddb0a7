package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 4: someone deletes the log stream while the application logs. The engine recreates it and carries on;
 * nothing is lost, nothing stored twice.
 */
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StreamDeletedTest
{
    private static final String SCENARIO = "stream-deleted";
    private static final int THREADS = 2;

    @Test
    void aDeletedStreamIsRecreatedAndDeliveryContinuesWithoutLoss() throws Exception
    {
        int deletions = Sizes.pick(3, 10);
        long spacingMillis = 1500;
        String group = FakeEngines.group(SCENARIO);
        String stream = FakeEngines.stream(SCENARIO);
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            RecordingStatus status = new RecordingStatus();
            // BLOCK with a long wait: this scenario is about recreating the stream, so no event may be dropped
            // for a full buffer meanwhile. A 200 ms linger makes several puts per second, so each deletion is met
            // by the next put quickly.
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(FakeEngines.config(server, SCENARIO)
                    .onBufferFull(OnBufferFull.BLOCK)
                    .blockTimeoutMillis(60_000)
                    .lingerMillis(200)
                    .shutdownTimeoutMillis(60_000)
                    .build(), status);
            engine.start();
            long started = System.nanoTime();
            AtomicBoolean logging = new AtomicBoolean(true);
            long[] appended = new long[THREADS];
            int[] done = {0};

            Load.Script deleter = Load.script("deleter", ignored -> {
                for (int d = 0; d < deletions; d++)
                {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(spacingMillis));
                    // Another tool or person removes it between two puts.
                    server.faults().deleteStream(group, stream);
                    done[0]++;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(spacingMillis));
            }, () -> logging.set(false));
            Load.run(SCENARIO, THREADS, thread -> {
                long i = 0;
                while (logging.get())
                {
                    assertThat(engine.append(System.currentTimeMillis(), EventIds.message(SCENARIO, thread, i)))
                            .isTrue();
                    i++;
                    if (i % 2 == 0)
                    {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                }
                appended[thread] = i;
            });
            deleter.join();
            boolean clean = engine.stop(Duration.ofSeconds(60));
            long stopped = System.nanoTime();

            EngineStatistics stats = engine.statistics();
            Copies copies = Copies.of(server.storedEvents(group, stream));
            long created = server.requests(StrictCloudWatchLogsServer.CREATE_LOG_STREAM, StrictCloudWatchLogsServer.OK);
            long total = appended[0] + appended[1];
            Report.of(SCENARIO).put("deletions", done[0]).put("events", total).put("delivered", stats.delivered())
                    .put("dropped", stats.dropped()).put("streamsCreated", created)
                    .put("putsNotFound", server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS,
                            "ResourceNotFoundException"))
                    .put("wallMs", TimeUnit.NANOSECONDS.toMillis(stopped - started)).print();

            assertThat(clean).as("%s", stats).isTrue();
            assertThat(server.hasLogStream(group, stream)).isTrue();
            // Once at the first put, then once after each deletion.
            assertThat(created).isEqualTo(deletions + 1L);
            assertThat(status.matching("INFO", "created log stream")).hasSize(deletions + 1);
            assertThat(stats.accepted()).isEqualTo(total);
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(total);
            assertThat(stats.dropped()).as("%s", stats).isZero();
            assertThat(stats.rejected()).as("%s", stats).isZero();
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
            for (int t = 0; t < THREADS; t++)
            {
                for (long i = 0; i < appended[t]; i++)
                {
                    String id = EventIds.id(SCENARIO, t, i);
                    assertThat(copies.count(id)).as("copies of %s", id).isEqualTo(1);
                }
            }
            assertThat(copies.copies()).isEqualTo(total);
        }
    }
}
