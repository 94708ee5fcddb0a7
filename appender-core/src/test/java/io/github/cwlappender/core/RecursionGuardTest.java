package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecursionGuardTest
{
    @Test
    void eventsLoggedOnEngineThreadsAreSkippedWhereverTheyAreDelivered()
    {
        assertThat(RecursionGuard.mustSkipEventOf("cwl-orders-batcher-1")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("cwl-my-app-sender-12")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("cwl-my-app-stopper-3")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("cwl-report-worker")).isFalse();
    }

    @Test
    void eventsLoggedOnTheSdksAndHttpClientsBackgroundThreadsAreSkipped()
    {
        assertThat(RecursionGuard.mustSkipEventOf("sdk-ScheduledExecutor-2-1")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("sdk-async-response-0-7")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("sdk-cache-scheduler")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("aws-java-sdk-NettyEventLoop-1-3")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("idle-connection-reaper")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("Keep-Alive-Timer")).isTrue();
        assertThat(RecursionGuard.mustSkipEventOf("Keep-Alive-SocketCleaner")).isTrue();
    }

    @Test
    void applicationThreadsAreNeverSkippedWhateverTheyLog()
    {
        assertThat(RecursionGuard.mustSkipEventOf("main")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("http-nio-8080-exec-1")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("sdk-worker-of-the-application")).isFalse();
        // Names that start as one of the SDK's do, and go on otherwise.
        assertThat(RecursionGuard.mustSkipEventOf("async-orders-1")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("io.example.Worker-1")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("Keep-Alive-Pinger")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("s")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("Überwachung-1")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("日志-1")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf("")).isFalse();
        assertThat(RecursionGuard.mustSkipEventOf(null)).isFalse();
    }

    @Test
    void theLoggerNameNoLongerDecides()
    {
        // The application's own SDK and HTTP client logging, on one of its threads, is its business.
        assertThat(RecursionGuard.mustSkip("software.amazon.awssdk.request", "main")).isFalse();
        assertThat(RecursionGuard.mustSkip("io.netty.handler.ssl.SslHandler", "main")).isFalse();
        assertThat(RecursionGuard.mustSkip("com.example.Any", "cwl-orders-batcher-1")).isTrue();
    }

    @Test
    void codeRunningOnAnEngineThreadIsSkippedAndTheEngineCountsItsEvents()
    {
        AtomicReference<String> seenThread = new AtomicReference<>();
        AtomicReference<Boolean> skipped = new AtomicReference<>();
        FakeLogsClient client = new FakeLogsClient().always(r -> {
            seenThread.set(Thread.currentThread().getName());
            // Even with the name of an application thread: the current thread is the engine's.
            skipped.set(RecursionGuard.mustSkipEventOf("main"));
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
