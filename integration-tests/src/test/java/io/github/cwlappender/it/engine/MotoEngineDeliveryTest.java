package io.github.cwlappender.it.engine;

import static io.github.cwlappender.it.engine.DeliveryScenario.assertAllDelivered;
import static io.github.cwlappender.it.engine.DeliveryScenario.assertDeliveredExactlyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.it.engine.DeliveryScenario.Received;
import io.github.cwlappender.it.engine.DeliveryScenario.RecordingStatus;
import io.github.cwlappender.it.engine.DeliveryScenario.Sent;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine against moto, a second implementation of CloudWatch Logs that the engine was not written against. */
@ExtendWith(MotoServerExtension.class)
class MotoEngineDeliveryTest
{
    private static final int PER_THREAD = 1_500;

    @Test
    void deliversEveryEventFromTwoThreadsExactlyOnceInTimestampOrder(MotoServer moto) throws Exception
    {
        EngineConfig config = DeliveryScenario.config(moto.endpoint(), moto.region(), moto.credentials(),
                DeliveryScenario.uniqueGroup("moto")).build();
        RecordingStatus status = new RecordingStatus();
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);
        engine.start();
        List<Sent> sent;
        try
        {
            sent = DeliveryScenario.appendConcurrently(engine, PER_THREAD,
                    (id, thread, i) -> id + " payload from thread " + thread + " caf\u00e9 \u20ac \uD83D\uDE80");

            assertThat(engine.flush(Duration.ofSeconds(60))).as("flush; status: %s", status.reports).isTrue();
        }
        finally
        {
            assertThat(engine.stop(Duration.ofSeconds(10))).as("stop; status: %s", status.reports).isTrue();
        }

        List<Received> received = Received.of(moto.readEvents(config.logGroup(), config.logStream()));
        assertDeliveredExactlyOnce(sent, received);
        assertAllDelivered(engine.statistics(), sent.size());
        assertThat(status.errors).isEmpty();
    }
}
