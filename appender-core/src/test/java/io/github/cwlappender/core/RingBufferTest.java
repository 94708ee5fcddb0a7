package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RingBufferTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void fullBufferWithDropPolicyDropsAndCountsWithoutWaiting()
    {
        client.closeGate();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client)
                .bufferSize(16).maxInFlight(1).maxBatchEvents(1).lingerMillis(0).build(), status);

        int refused = 0;
        for (int i = 0; i < 200; i++)
        {
            if (!engine.append(System.currentTimeMillis(), "event " + i))
            {
                refused++;
            }
        }

        assertThat(refused).isPositive();
        assertThat(engine.statistics().dropped(DropReason.BUFFER_FULL)).isEqualTo(refused);
        client.open();
        assertThat(engine.stop(Duration.ofSeconds(10))).isTrue();
        EngineStatistics stats = engine.statistics();
        assertThat(stats.delivered()).isEqualTo(200 - refused);
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void fullBufferWithBlockPolicyWaitsForSpace() throws Exception
    {
        client.closeGate();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client)
                .bufferSize(16).maxInFlight(1).maxBatchEvents(1).lingerMillis(0)
                .onBufferFull(OnBufferFull.BLOCK).blockTimeoutMillis(30_000).build(), status);
        CompletableFuture<Integer> producer = CompletableFuture.supplyAsync(() -> {
            int accepted = 0;
            for (int i = 0; i < 40; i++)
            {
                accepted += engine.append(System.currentTimeMillis(), "event " + i) ? 1 : 0;
            }
            return accepted;
        });
        // 40 events cannot fit in 16 slots plus the batch held by the stalled sender: the producer must wait.
        Thread.sleep(300);
        assertThat(producer).isNotDone();
        client.open();

        assertThat(producer.get(10, TimeUnit.SECONDS)).isEqualTo(40);
        engine.stop(Duration.ofSeconds(10));
        assertThat(client.storedMessages()).hasSize(40).contains("event 39");
        assertThat(engine.statistics().dropped(DropReason.BUFFER_FULL)).isZero();
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void fullBufferWithBlockPolicyDropsAfterTheBlockTimeout()
    {
        client.closeGate();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client)
                .bufferSize(16).maxInFlight(1).maxBatchEvents(1).lingerMillis(0)
                .onBufferFull("block").blockTimeoutMillis(20).build(), status);

        int refused = 0;
        for (int i = 0; i < 60; i++)
        {
            if (!engine.append(System.currentTimeMillis(), "event " + i))
            {
                refused++;
            }
        }

        assertThat(refused).isPositive();
        assertThat(engine.statistics().dropped(DropReason.BUFFER_FULL)).isEqualTo(refused);
        client.open();
        engine.stop(Duration.ofSeconds(10));
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void drainingTheRingReportsDropsThroughTheStatusListener()
    {
        client.closeGate();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client)
                .bufferSize(16).maxInFlight(1).maxBatchEvents(1).lingerMillis(0).build(), status);
        for (int i = 0; i < 100; i++)
        {
            engine.append(System.currentTimeMillis(), "event " + i);
        }
        client.open();

        await().atMost(Duration.ofSeconds(10)).until(() -> status.any("WARN", "BUFFER_FULL"));
        assertThat(status.messages()).filteredOn(m -> m.contains("BUFFER_FULL"))
                .allMatch(m -> m.contains("CloudWatch Logs appender [test]"));
        engine.stop(Duration.ofSeconds(10));
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

    @Test
    void manyThreadsPublishConcurrentlyWithoutLoss() throws Exception
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client)
                .onBufferFull(OnBufferFull.BLOCK).blockTimeoutMillis(60_000).build(), status);
        int threads = 4;
        int perThread = 20_000;
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
}
