package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.internal.EngineThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlushAllTest
{
    // Far longer than any test: only a flush can send these batches.
    private static final long LINGER_AN_HOUR = 3_600_000;

    private final RecordingStatus status = new RecordingStatus();
    private final List<CloudWatchLogsEngine> engines = new ArrayList<>();
    private final List<FakeLogsClient> gated = new ArrayList<>();

    @AfterEach
    void stopEverything()
    {
        gated.forEach(FakeLogsClient::open);
        engines.forEach(e -> e.stop(Duration.ofSeconds(5)));
    }

    @Test
    void flushAllDeliversTheOpenBatchOfEveryRunningAppenderBeforeItReturns()
    {
        FakeLogsClient orders = new FakeLogsClient();
        FakeLogsClient audit = new FakeLogsClient();
        CloudWatchLogsEngine first = started(TestEngines.config(orders).name("flush-orders")
                .lingerMillis(LINGER_AN_HOUR).build());
        CloudWatchLogsEngine second = started(TestEngines.config(audit).name("flush-audit")
                .lingerMillis(LINGER_AN_HOUR).build());
        for (int i = 0; i < 300; i++)
        {
            first.append(System.currentTimeMillis(), "order " + i);
            second.append(System.currentTimeMillis(), "audit " + i);
        }

        FlushResult result = CloudWatchLogs.flushAll(Duration.ofSeconds(10));

        // Other test classes in this JVM may leave engines running: judge only this test's two.
        assertThat(result.unfinishedAppenders()).as("%s", result).doesNotContain("flush-orders", "flush-audit");
        assertThat(result.appenders()).isGreaterThanOrEqualTo(2);
        assertThat(orders.stored()).hasSize(300);
        assertThat(audit.stored()).hasSize(300);
        assertThat(first.statistics().isBalanced()).isTrue();
        assertThat(second.statistics().isBalanced()).isTrue();
    }

    @Test
    void flushAllReturnsByItsTimeoutAndSaysWhatIsStillPending()
    {
        FakeLogsClient stuck = gated(new FakeLogsClient().closeGate());
        started(TestEngines.config(stuck).name("flush-stuck").build());
        CloudWatchLogsEngine engine = engines.get(0);
        engine.append(System.currentTimeMillis(), "stuck 1");
        engine.append(System.currentTimeMillis(), "stuck 2");

        long start = System.nanoTime();
        FlushResult result = CloudWatchLogs.flushAll(Duration.ofMillis(300));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(result.isComplete()).isFalse();
        assertThat(result.unfinishedAppenders()).contains("flush-stuck");
        assertThat(result.pendingEvents()).isGreaterThanOrEqualTo(2);
        assertThat(result.toString()).contains("flush-stuck");
        // The timeout plus scheduling slack on a busy machine; never the 60 s retry timeout.
        assertThat(tookMillis).isBetween(250L, 3_000L);

        stuck.open();
        assertThat(CloudWatchLogs.flushAll(Duration.ofSeconds(10)).unfinishedAppenders()).doesNotContain("flush-stuck");
        assertThat(stuck.stored()).hasSize(2);
    }

    @Test
    void flushAllWithNothingPendingIsCompleteWithoutWaiting()
    {
        CloudWatchLogsEngine engine = started(TestEngines.config(new FakeLogsClient()).name("flush-idle").build());
        engine.append(System.currentTimeMillis(), "already out");
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

        // A zero timeout could not wait for the batcher: only an engine known to be idle counts as finished.
        FlushResult result = CloudWatchLogs.flushAll(Duration.ZERO);

        assertThat(result.unfinishedAppenders()).doesNotContain("flush-idle");
        assertThat(CloudWatchLogs.runningEngines()).contains(engine);
    }

    @Test
    void onAnEngineThreadFlushAllReturnsAtOnceInsteadOfWaitingForItself() throws Exception
    {
        FakeLogsClient stuck = gated(new FakeLogsClient().closeGate());
        CloudWatchLogsEngine engine = started(TestEngines.config(stuck).name("flush-own-thread").build());
        engine.append(System.currentTimeMillis(), "pending");
        CompletableFuture<Long> took = new CompletableFuture<>();
        CompletableFuture<FlushResult> result = new CompletableFuture<>();

        EngineThread.factory("flush-test", "sender").newThread(() -> {
            long start = System.nanoTime();
            result.complete(CloudWatchLogs.flushAll(Duration.ofSeconds(30)));
            took.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }).start();

        assertThat(result.get(10, TimeUnit.SECONDS).unfinishedAppenders()).contains("flush-own-thread");
        assertThat(took.get()).isLessThan(1_000L);
    }

    @Test
    void aStoppedAppenderIsNoLongerFlushed()
    {
        CloudWatchLogsEngine engine = started(TestEngines.config(new FakeLogsClient()).name("flush-stopped").build());
        assertThat(CloudWatchLogs.runningEngines()).contains(engine);

        engine.stop(Duration.ofSeconds(5));

        assertThat(CloudWatchLogs.runningEngines()).doesNotContain(engine);
    }

    @Test
    void aNegativeOrHugeTimeoutNeitherThrowsNorOverflows()
    {
        CloudWatchLogsEngine engine = started(TestEngines.config(new FakeLogsClient()).name("flush-odd-timeouts")
                .lingerMillis(LINGER_AN_HOUR).build());
        engine.append(System.currentTimeMillis(), "one");

        CloudWatchLogs.flushAll(Duration.ofMillis(-5));
        FlushResult result = CloudWatchLogs.flushAll(Duration.ofSeconds(Long.MAX_VALUE));

        assertThat(result.unfinishedAppenders()).doesNotContain("flush-odd-timeouts");
        assertThat(engine.statistics().delivered()).isEqualTo(1);
    }

    private CloudWatchLogsEngine started(EngineConfig config)
    {
        CloudWatchLogsEngine engine = TestEngines.started(config, status);
        engines.add(engine);
        return engine;
    }

    private FakeLogsClient gated(FakeLogsClient client)
    {
        gated.add(client);
        return client;
    }
}
