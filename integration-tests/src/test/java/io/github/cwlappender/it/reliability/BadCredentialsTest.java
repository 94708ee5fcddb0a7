package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 5: the service refuses the credentials ({@code UnrecognizedClientException}). The engine says so clearly,
 * retries slowly instead of hammering the endpoint, and the application goes on logging as if nothing happened.
 * Once the credentials are accepted again, delivery resumes.
 */
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BadCredentialsTest
{
    private static final String SCENARIO = "bad-credentials";

    @Test
    void refusedCredentialsAreReportedRetriedSlowlyAndNeverHoldUpTheApplication() throws Exception
    {
        long windowMillis = Sizes.pick(8_000L, 30_000L);
        long retryTimeoutMillis = 3_000;
        int maxInFlight = 2;
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            server.faults().rejectCredentials(true);
            RecordingStatus status = new RecordingStatus();
            // DROP and a ring of 1024 slots: the buffer overflows within the window whatever the policy would
            // decide, so append() is seen to stay prompt. maxInFlight and the retry settings are explicit because
            // the bound on requests per second below is computed from them; the short retry deadline lets batches
            // be given up (PERMANENT_ERROR) within the window.
            EngineConfig config = FakeEngines.config(server, SCENARIO)
                    .onBufferFull(OnBufferFull.DROP)
                    .bufferSize(1024)
                    .lingerMillis(200)
                    .maxInFlight(maxInFlight)
                    .retryTimeoutMillis(retryTimeoutMillis)
                    .retryBaseDelay(Duration.ofMillis(100))
                    .retryMaxDelay(Duration.ofSeconds(2))
                    .shutdownTimeoutMillis(30_000)
                    .build();
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);
            engine.start();
            long started = System.nanoTime();
            long putsBefore = server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS);

            long[] worst = {0};
            long[] appended = {0};
            long refusedWindow = logFor(engine, "bad", windowMillis, worst, appended);
            long putsDuringWindow = server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS) - putsBefore;
            long windowEnd = System.nanoTime();
            EngineStatistics duringOutage = engine.statistics();
            List<RecordingStatus.Entry> credentialErrors = status.matching("ERROR", "UnrecognizedClientException");

            server.faults().rejectCredentials(false);
            // Let batches that were waiting out their backoff finish (or give up) before the recovery events.
            Thread.sleep(retryTimeoutMillis + 1_000);
            int recovery = 500;
            for (int i = 0; i < recovery; i++)
            {
                assertThat(engine.append(System.currentTimeMillis(), EventIds.message(SCENARIO + "-ok", 0, i)))
                        .isTrue();
            }
            boolean clean = engine.stop(Duration.ofSeconds(30));
            long stopped = System.nanoTime();

            EngineStatistics stats = engine.statistics();
            Copies copies = Copies.of(server.storedEvents(FakeEngines.group(SCENARIO), FakeEngines.stream(SCENARIO)));
            double seconds = TimeUnit.NANOSECONDS.toMillis(windowEnd - started) / 1000.0;
            // A sender waits at least 1 s after a credentials error before it tries the same batch again; a batch is
            // given up after retryTimeoutMillis (3 s, so after at least two such waits) and the next one starts at
            // once. So each sender makes at most 2 requests a second; a tight loop would make thousands.
            long bound = (long) Math.ceil(maxInFlight * (2 * seconds + 2));
            Report.of(SCENARIO).put("windowMs", windowMillis).put("eventsInWindow", appended[0])
                    .put("eventsAfterRecovery", recovery).put("putRequestsInWindow", putsDuringWindow)
                    .put("requestBound", bound).put("credentialErrorReports", credentialErrors.size())
                    .put("droppedPermanent", stats.dropped(DropReason.PERMANENT_ERROR))
                    .put("droppedBufferFull", stats.dropped(DropReason.BUFFER_FULL))
                    .put("delivered", stats.delivered()).put("worstAppendMicros", worst[0] / 1000)
                    .put("wallMs", TimeUnit.NANOSECONDS.toMillis(stopped - started)).print();

            assertThat(credentialErrors).as("an error naming the cause; all status: %s", status.allText())
                    .isNotEmpty();
            assertThat(credentialErrors.get(0).message).contains("credentials").contains("logs:PutLogEvents");
            // Rate-limited to one report per topic per 10 s: a clear message, not a flood.
            assertThat(credentialErrors.size()).isLessThanOrEqualTo((int) (windowMillis / 10_000) + 2);
            assertThat(putsDuringWindow).as("PutLogEvents requests in %s s", seconds).isPositive()
                    .isLessThanOrEqualTo(bound);
            assertThat(duringOutage.dropped(DropReason.PERMANENT_ERROR)).as("batches given up on; %s", duringOutage)
                    .isPositive();
            assertThat(duringOutage.lastError()).contains("UnrecognizedClientException");
            assertThat(worst[0]).as("worst append latency").isLessThan(TimeUnit.SECONDS.toNanos(1));

            assertThat(clean).as("%s", stats).isTrue();
            assertThat(stats.accepted()).isEqualTo(appended[0] + recovery);
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
            assertThat(stats.dropped(DropReason.BUFFER_FULL)).isEqualTo(refusedWindow);
            assertThat(stats.dropped()).as("%s", stats).isEqualTo(stats.dropped(DropReason.BUFFER_FULL)
                    + stats.dropped(DropReason.PERMANENT_ERROR));
            for (int i = 0; i < recovery; i++)
            {
                String id = EventIds.id(SCENARIO + "-ok", 0, i);
                assertThat(copies.count(id)).as("copies of %s", id).isEqualTo(1);
            }
            assertThat(copies.copies()).isEqualTo(stats.delivered());
            assertThat(copies.duplicates()).isZero();
        }
    }

    /** Logs from one application thread at a steady pace; returns how many appends were refused. */
    private static long logFor(CloudWatchLogsEngine engine, String tag, long millis, long[] worst, long[] appended)
    {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long refused = 0;
        long i = 0;
        while (System.nanoTime() - end < 0)
        {
            long before = System.nanoTime();
            if (!engine.append(System.currentTimeMillis(), EventIds.message(SCENARIO + "-" + tag, 0, i++)))
            {
                refused++;
            }
            worst[0] = Math.max(worst[0], System.nanoTime() - before);
            if (i % 2 == 0)
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        appended[0] = i;
        return refused;
    }
}
