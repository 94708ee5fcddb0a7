package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * Scenario 1 against moto, a second, independent implementation of the service, read back with GetLogEvents:
 * the engine's wire format and its creation of group and stream work beyond our own fake. Smaller than on the
 * fake, because moto is slow to store and to page through events.
 */
@ExtendWith(MotoServerExtension.class)
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CleanShutdownOnMotoTest
{
    private static final String SCENARIO = "clean-shutdown-moto";
    private static final int THREADS = 4;

    @Test
    void everyEventFromFourThreadsIsReadBackFromMotoExactlyOnce(MotoServer moto) throws Exception
    {
        int perThread = Sizes.pick(20_000, 100_000) / THREADS;
        String group = FakeEngines.group(SCENARIO) + "-" + System.nanoTime();
        String stream = FakeEngines.stream(SCENARIO);
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(EngineConfig.builder()
                .name(SCENARIO)
                .logGroup(group)
                .logStream(stream)
                .endpoint(moto.endpoint())
                .region(moto.region())
                .credentialsProvider(moto.credentials())
                // BLOCK with a long wait: about delivery through moto, which is slower than the fake, not about a
                // full buffer, so no event may be dropped. The defaults are proven by DefaultConfigDeliveryTest.
                .onBufferFull(OnBufferFull.BLOCK)
                .blockTimeoutMillis(120_000)
                .shutdownTimeoutMillis(300_000)
                .build(), new RecordingStatus());
        engine.start();
        long started = System.nanoTime();

        Load.run(SCENARIO, THREADS, thread -> {
            for (int i = 0; i < perThread; i++)
            {
                assertThat(engine.append(System.currentTimeMillis(), EventIds.message(SCENARIO, thread, i))).isTrue();
            }
        });
        boolean clean = engine.stop(Duration.ofMinutes(5));
        long stopped = System.nanoTime();
        List<OutputLogEvent> read = moto.readEvents(group, stream);

        EngineStatistics stats = engine.statistics();
        Report.of(SCENARIO).put("events", THREADS * perThread).put("delivered", stats.delivered())
                .put("readBack", read.size()).put("dropped", stats.dropped()).put("batches", stats.batchesSent())
                .put("wallMs", TimeUnit.NANOSECONDS.toMillis(stopped - started)).print();

        assertThat(clean).as("%s", stats).isTrue();
        assertThat(stats.delivered()).as("%s", stats).isEqualTo((long) THREADS * perThread);
        assertThat(stats.isBalanced()).as("%s", stats).isTrue();
        List<String> messages = new ArrayList<>(read.size());
        for (OutputLogEvent e : read)
        {
            messages.add(e.message());
        }
        CleanShutdownTest.assertDeliveredExactlyOnce(Copies.ofMessages(messages), SCENARIO, THREADS, perThread);
    }
}
