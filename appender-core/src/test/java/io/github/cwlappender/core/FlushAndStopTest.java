package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.exception.SdkClientException;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlushAndStopTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void flushDeliversEverythingAcceptedBeforeTheCall()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).lingerMillis(3_600_000)
                .build(), status);
        for (int i = 0; i < 1000; i++)
        {
            engine.append(System.currentTimeMillis(), "e" + i);
        }

        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(client.stored()).hasSize(1000);
        assertThat(engine.statistics().isBalanced()).isTrue();
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void flushWithNothingPendingReturnsAtOnce()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);

        assertThat(engine.flush(Duration.ofSeconds(5))).isTrue();
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void flushReportsFailureWhenItCannotFinishInTime()
    {
        client.closeGate();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        engine.append(System.currentTimeMillis(), "stuck");

        assertThat(engine.flush(Duration.ofMillis(200))).isFalse();
        client.open();
        assertThat(engine.flush(Duration.ofSeconds(5))).isTrue();
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void stopDrainsTheRingAndSendsTheLastBatches()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).lingerMillis(3_600_000)
                .build(), status);
        for (int i = 0; i < 5000; i++)
        {
            engine.append(System.currentTimeMillis(), "e" + i);
        }

        assertThat(engine.stop(Duration.ofSeconds(10))).isTrue();

        assertThat(client.stored()).hasSize(5000);
        assertThat(engine.statistics().dropped()).isZero();
        assertThat(status.any("INFO", "stopped")).isTrue();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void stopReturnsByItsDeadlineWhileTheNetworkIsDownAndCountsWhatWasLost()
    {
        client.always(r -> {
            throw SdkClientException.create("Connection refused");
        });
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client)
                .retryTimeoutMillis(60_000).build(), status);
        for (int i = 0; i < 100; i++)
        {
            engine.append(System.currentTimeMillis(), "e" + i);
        }

        assertThat(engine.stop(Duration.ofMillis(500))).isFalse();

        EngineStatistics stats = engine.statistics();
        assertThat(stats.dropped(DropReason.SHUTDOWN)).isEqualTo(100);
        assertThat(stats.isBalanced()).isTrue();
        assertThat(status.any("WARN", "100 events not delivered")).isTrue();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void stopReturnsByItsDeadlineWhileARequestHangs()
    {
        client.closeGate();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        engine.append(System.currentTimeMillis(), "hangs");

        assertThat(engine.stop(Duration.ofMillis(300))).isFalse();

        assertThat(engine.statistics().dropped(DropReason.SHUTDOWN)).isEqualTo(1);
        assertThat(engine.statistics().isBalanced()).isTrue();
        client.open();
    }

    @Test
    void aRequestStillInFlightAtTheDeadlineIsCountedAsDeliveredWhenItSucceedsLater()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.calls().contains("CreateLogStream"));
        client.closeGate();
        engine.append(System.currentTimeMillis(), "slow but stored");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.requests().size() == 1);

        assertThat(engine.stop(Duration.ofMillis(300))).isFalse();
        assertThat(engine.statistics().dropped(DropReason.SHUTDOWN)).isEqualTo(1);
        client.open();

        // The request was not cut off: the service stored the event, and the books say so.
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.statistics().delivered() == 1);
        assertThat(client.storedMessages()).containsExactly("slow but stored");
        assertThat(engine.statistics().dropped(DropReason.SHUTDOWN)).isZero();
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void eventsAfterStopAreCountedAsDroppedAtShutdown()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        engine.stop(Duration.ofSeconds(5));

        assertThat(engine.append(System.currentTimeMillis(), "too late")).isFalse();

        assertThat(engine.statistics().dropped(DropReason.SHUTDOWN)).isEqualTo(1);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void stopIsIdempotent()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        engine.append(System.currentTimeMillis(), "once");

        assertThat(engine.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(engine.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(client.storedMessages()).containsExactly("once");
    }

    @Test
    void stopReturnsOnlyOnceEveryEngineThreadHasEnded()
    {
        // What a servlet container checks at undeploy, right after the appender stopped: threads left running.
        // The pool says it terminated a moment before its last thread has ended, so try it many times.
        for (int round = 0; round < 200; round++)
        {
            CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).name("ended").build(),
                    status);
            for (int i = 0; i < 100; i++)
            {
                engine.append(System.currentTimeMillis(), "e" + i);
            }

            assertThat(engine.stop(Duration.ofSeconds(10))).isTrue();

            assertThat(Thread.getAllStackTraces().keySet()).as("round %d", round).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("cwl-ended-"));
        }
        assertThat(client.stored()).hasSize(200 * 100);
    }

    @Test
    void engineThreadsAreDaemonsSoTheyNeverHoldTheJvm()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).name("daemons").build(),
                status);
        engine.append(System.currentTimeMillis(), "x");
        engine.flush(Duration.ofSeconds(5));

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("cwl-daemons-"))
                .isNotEmpty().allMatch(Thread::isDaemon);
        engine.stop(Duration.ofSeconds(5));
    }
}
