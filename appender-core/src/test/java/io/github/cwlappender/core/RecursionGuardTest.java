package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecursionGuardTest
{
    @Test
    void sdkHttpClientAndLibraryLoggersAreSkipped()
    {
        assertThat(RecursionGuard.mustSkip("software.amazon.awssdk.request")).isTrue();
        assertThat(RecursionGuard.mustSkip("org.apache.http.wire")).isTrue();
        assertThat(RecursionGuard.mustSkip("io.netty.handler.ssl.SslHandler")).isTrue();
        assertThat(RecursionGuard.mustSkip("io.github.cwlappender.core.internal.BatchDelivery")).isTrue();
    }

    @Test
    void applicationLoggersAreNotSkipped()
    {
        assertThat(RecursionGuard.mustSkip("com.example.OrderService")).isFalse();
        assertThat(RecursionGuard.mustSkip("io.github.cwlappender.examples.LogbackExample")).isFalse();
        assertThat(RecursionGuard.mustSkip(null)).isFalse();
    }

    @Test
    void eventsCapturedOnEngineThreadsAreSkippedWhereverTheyAreDelivered()
    {
        assertThat(RecursionGuard.mustSkip("com.example.Any", "cwl-orders-batcher-1")).isTrue();
        assertThat(RecursionGuard.mustSkip("com.example.Any", "cwl-my-app-sender-12")).isTrue();
        assertThat(RecursionGuard.mustSkip("com.example.Any", "main")).isFalse();
        assertThat(RecursionGuard.mustSkip("com.example.Any", "cwl-report-worker")).isFalse();
        assertThat(RecursionGuard.mustSkip("com.example.Any", null)).isFalse();
    }

    @Test
    void codeRunningOnAnEngineThreadIsSkippedAndTheEngineCountsItsEvents()
    {
        AtomicReference<String> seenThread = new AtomicReference<>();
        AtomicReference<Boolean> skipped = new AtomicReference<>();
        FakeLogsClient client = new FakeLogsClient().always(r -> {
            seenThread.set(Thread.currentThread().getName());
            skipped.set(RecursionGuard.mustSkip("com.example.Any"));
            return null;
        });
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).name("guard").build(),
                new RecordingStatus());
        engine.append(System.currentTimeMillis(), "hello");
        engine.flush(Duration.ofSeconds(5));

        assertThat(seenThread.get()).startsWith("cwl-guard-sender-");
        assertThat(skipped.get()).isTrue();
        engine.stop(Duration.ofSeconds(5));
    }
}
