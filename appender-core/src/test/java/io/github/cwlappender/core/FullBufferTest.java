package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;

/**
 * What a full buffer does. The buffer is bounded by {@code bufferBytes}; these tests use its smallest value (2 MB)
 * and 100,000-character events, so about 18 ordinary events fill it, instead of logging 64 MB per test. Everything
 * else is the default configuration: {@code onBufferFull=ADAPTIVE}, {@code blockTimeoutMillis=5000}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FullBufferTest
{
    private static final String BIG = "x".repeat(100_000);

    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    private EngineConfig.Builder smallBuffer()
    {
        return TestEngines.config(client).bufferBytes("2MB").maxInFlight(1);
    }

    private static ServiceUnavailableException down()
    {
        return ServiceUnavailableException.builder().statusCode(503).message("service down").build();
    }

    private static int appendBig(CloudWatchLogsEngine engine, int count)
    {
        int refused = 0;
        for (int i = 0; i < count; i++)
        {
            if (!engine.append(System.currentTimeMillis(), i + " " + BIG))
            {
                refused++;
            }
        }
        return refused;
    }

    @Test
    void byDefaultABurstLargerThanTheBufferWaitsForAHealthyEndpointAndLosesNothing()
    {
        client.latencyMillis(200);
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().build(), status);

        int refused = appendBig(engine, 60);

        assertThat(refused).isZero();
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).hasSize(60);
        assertThat(engine.statistics().dropped(DropReason.BUFFER_FULL)).isZero();
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    /**
     * A cold JVM under a burst can take seconds to build the SDK client (class loading on busy cores): that is not
     * the service being silent, so the burst waits for it. Default {@code maxInFlight}, so that a second sender
     * also waits for the client while the first builds it.
     */
    @Test
    void aClientSlowerToBuildThanTheGraceWindowDoesNotTurnAFullBufferIntoDrops()
    {
        SlowToBuildClientFactory.client = client;
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).client(null)
                .clientFactory(SlowToBuildClientFactory.class.getName()).bufferBytes("2MB").build(), status);

        int refused = appendBig(engine, 60);

        assertThat(refused).isZero();
        assertThat(engine.deliveryFailure()).isNull();
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).hasSize(60);
        assertThat(engine.statistics().dropped(DropReason.BUFFER_FULL)).isZero();
    }

    /** Hands over the test's fake client after longer than the grace window, as a slow client build would. */
    public static final class SlowToBuildClientFactory implements CloudWatchLogsClientFactory
    {
        static volatile FakeLogsClient client;

        @Override
        public CloudWatchLogsClient create(EngineConfig config)
        {
            try
            {
                Thread.sleep(3_000);
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            return client;
        }
    }

    @Test
    void withDropTheSameBurstLosesWhatDoesNotFitAndCountsIt()
    {
        client.latencyMillis(200);
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().onBufferFull(OnBufferFull.DROP).build(),
                status);

        int refused = appendBig(engine, 60);
        // Read at once: every event handed over is accepted when the call returns, queued (most still in the
        // buffer, some not yet seen by the batcher) or refused.
        EngineStatistics now = engine.statistics();

        assertThat(refused).isPositive();
        assertThat(now.accepted()).isEqualTo(60);
        assertThat(now.dropped(DropReason.BUFFER_FULL)).isEqualTo(refused);
        assertThat(now.pending()).isPositive();
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).hasSize(60 - refused);
        assertThat(engine.statistics().accepted()).isEqualTo(60);
        assertThat(engine.statistics().delivered()).isEqualTo(60 - refused);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void byDefaultAFullBufferDropsAtOnceWhileDeliveryFails()
    {
        client.always(r -> {
            throw down();
        });
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().build(), status);
        engine.append(System.currentTimeMillis(), "first");
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.deliveryFailure() != null);

        // 180 refusals that each waited the 5 s blockTimeoutMillis would take 15 minutes.
        int refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> appendBig(engine, 200));

        assertThat(refused).isGreaterThanOrEqualTo(180);
        assertThat(engine.statistics().dropped(DropReason.BUFFER_FULL)).isEqualTo(refused);
        assertThat(engine.deliveryFailure()).contains("service down");
        await().atMost(Duration.ofSeconds(5)).until(() -> status.any("WARN", "dropping events: "));
        assertThat(status.messages()).filteredOn(m -> m.contains("dropping events: "))
                .first().asString().contains("BUFFER_FULL").contains("delivery is failing")
                .contains("CloudWatch Logs appender [test]");

        client.always(null);
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).hasSize(201 - refused);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void intermittentThrottlingAndServerErrorsSlowTheLoggingDownButLoseNothing()
    {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        client.latencyMillis(50).always(r -> {
            int n = calls.incrementAndGet();
            if (n % 3 == 1)
            {
                throw software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException.builder()
                        .statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails
                                .builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                        .build();
            }
            if (n % 3 == 2)
            {
                throw down();
            }
            return null;
        });
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().maxInFlight(2).build(), status);

        int refused = appendBig(engine, 80);

        // The service pushes back on two calls in three but stores every batch after a retry: that is backpressure.
        assertThat(refused).isZero();
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).hasSize(80);
        assertThat(engine.statistics().throttles()).isPositive();
    }

    @Test
    void anEndpointThatCannotBeReachedCountsAsFailingAtOnce()
    {
        client.always(r -> {
            throw software.amazon.awssdk.core.exception.SdkClientException.builder()
                    .message("Unable to execute HTTP request: Connection refused")
                    .cause(new java.net.ConnectException("Connection refused")).build();
        });
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().build(), status);
        engine.append(System.currentTimeMillis(), "first");

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.deliveryFailure() != null);

        assertThat(engine.deliveryFailure()).contains("Connection refused")
                .doesNotStartWith("the service refused every call");
        client.always(null);
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void waitingThreadsAreReleasedWhenTheServiceStopsAnswering() throws Exception
    {
        client.closeGate();
        // A long timeout, so that only noticing the silence can release the waiting thread in time.
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().blockTimeoutMillis(120_000).build(), status);

        CompletableFuture<Integer> producer = CompletableFuture.supplyAsync(() -> appendBig(engine, 40));

        assertThat(producer.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(engine.deliveryFailure()).startsWith("no answer from the service for");
        client.open();
        engine.stop(Duration.ofSeconds(30));
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void waitingThreadsAreReleasedWhenAPutFails() throws Exception
    {
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().blockTimeoutMillis(120_000).build(), status);
        // Only the puts are held: a start-up call held too would count towards the 2 s after which a call without an
        // answer turns delivery failing, and so release the producer before the put fails.
        await().atMost(Duration.ofSeconds(5)).until(() -> client.calls().contains("CreateLogStream"));
        client.closeGate();
        CompletableFuture<Integer> producer = CompletableFuture.supplyAsync(() -> appendBig(engine, 40));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.bufferedBytes() > 1_700_000);
        assertThat(producer).isNotDone();

        client.always(r -> {
            throw down();
        });
        client.open();

        assertThat(producer.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(engine.deliveryFailure()).startsWith("the service refused every call for").contains("service down");
        client.always(null);
        engine.stop(Duration.ofSeconds(30));
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void waitingResumesAfterTheNextSuccessfulPut()
    {
        client.always(r -> {
            throw down();
        });
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().build(), status);
        long refusedWhileFailing = appendBig(engine, 40);
        assertThat(refusedWhileFailing).isPositive();

        client.always(null);
        client.latencyMillis(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.deliveryFailure() == null);
        int refusedAfterRecovery = appendBig(engine, 60);

        assertThat(refusedAfterRecovery).isZero();
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(engine.statistics().dropped(DropReason.BUFFER_FULL)).isEqualTo(refusedWhileFailing);
        assertThat(client.storedMessages()).hasSize((int) (100 - refusedWhileFailing));
    }

    @Test
    void warnAndAboveSurviveAFullBufferThatRefusesOrdinaryEvents()
    {
        client.always(r -> {
            throw down();
        });
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().build(), status);
        assertThat(appendBig(engine, 30)).isPositive();
        assertThat(engine.append(System.currentTimeMillis(), "ordinary " + BIG, false)).isFalse();

        boolean warn = engine.append(System.currentTimeMillis(), "WARN disk almost full " + BIG, true);
        boolean error = engine.append(System.currentTimeMillis(), "ERROR payment failed", true);

        assertThat(warn).isTrue();
        assertThat(error).isTrue();
        client.always(null);
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).anyMatch(m -> m.startsWith("WARN disk almost full"))
                .contains("ERROR payment failed");
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void aHugeMessageIsCutToTheEventLimitBeforeItTakesBudget()
    {
        client.closeGate();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);

        assertThat(engine.append(System.currentTimeMillis(), "y".repeat(50_000_000))).isTrue();

        assertThat(engine.bufferedBytes()).isLessThanOrEqualTo(EngineConfig.SERVICE_MAX_EVENT_BYTES
                + EngineConfig.BUFFERED_EVENT_OVERHEAD_BYTES);
        client.open();
        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).singleElement().asString().hasSize(EngineConfig.SERVICE_MAX_EVENT_BYTES);
        assertThat(engine.statistics().truncated()).isEqualTo(1);
        assertThat(engine.bufferedBytes()).isZero();
    }

    @Test
    void aMessageToSplitThatIsLargerThanTheWholeBufferIsDroppedAsOversize()
    {
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().oversize(OversizePolicy.SPLIT).build(),
                status);

        assertThat(engine.append(System.currentTimeMillis(), "z".repeat(3_000_000))).isFalse();
        assertThat(engine.append(System.currentTimeMillis(), "z".repeat(1_500_000))).isTrue();

        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(engine.statistics().dropped(DropReason.OVERSIZE)).isEqualTo(1);
        assertThat(engine.statistics().split()).isEqualTo(1);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void everyBufferedByteIsGivenBackOnceItsEventIsSettled()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).maxEventBytes(1000)
                .oversize(OversizePolicy.SPLIT).build(), status);
        long now = System.currentTimeMillis();
        engine.append(now, "delivered");
        engine.append(now, "");
        engine.append(now - TimeUnit.DAYS.toMillis(20), "too old");
        engine.append(now, "s".repeat(10_500));
        engine.append(now, "t".repeat(999) + "\u00e9");

        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(engine.bufferedBytes()).isZero();
        engine.stop(Duration.ofSeconds(5));
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void manyThreadsPublishConcurrentlyWithoutLossByDefault() throws Exception
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        int threads = 4;
        int perThread = 50_000;
        Thread[] producers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int id = t;
            producers[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++)
                {
                    engine.append(System.currentTimeMillis(), id + ":" + i);
                }
            });
            producers[t].start();
        }
        for (Thread p : producers)
        {
            p.join();
        }

        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(client.storedMessages()).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(engine.statistics().delivered()).isEqualTo(threads * perThread);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void aDropEpisodeIsReportedWhenItBeginsAndWithItsTotalWhenItEnds()
    {
        client.always(r -> {
            throw down();
        });
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().build(), status);
        int refused = appendBig(engine, 40);
        await().atMost(Duration.ofSeconds(5)).until(() -> status.any("WARN", "dropping events: "));

        client.always(null);

        await().atMost(Duration.ofSeconds(15)).until(() -> status.any("WARN", "stopped dropping events: "));
        assertThat(status.messages()).filteredOn(m -> m.contains("stopped dropping events: ")).singleElement()
                .asString().contains(refused + " BUFFER_FULL lost");
        engine.stop(Duration.ofSeconds(30));
    }

    @Test
    void aDropEpisodeStillGoingOnAtStopIsReportedWithItsTotal()
    {
        client.always(r -> {
            throw down();
        });
        CloudWatchLogsEngine engine = TestEngines.started(smallBuffer().build(), status);
        int refused = appendBig(engine, 40);

        engine.stop(Duration.ofSeconds(1));

        assertThat(status.messages()).filteredOn(m -> m.contains("stopped with ")).singleElement().asString()
                .contains(refused + " BUFFER_FULL lost in the last episode");
    }

    @Test
    void batcherThreadIsNamedAfterTheAppender()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).name("orders").build(), status);
        try
        {
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .contains("cwl-orders-batcher-1");
        }
        finally
        {
            engine.stop(Duration.ofSeconds(5));
        }
    }
}
