package io.github.cwlappender.it.engine;

import static io.github.cwlappender.it.engine.DeliveryScenario.assertAllDelivered;
import static io.github.cwlappender.it.engine.DeliveryScenario.assertDeliveredExactlyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.it.LocalStack;
import io.github.cwlappender.it.engine.DeliveryScenario.RecordingStatus;
import io.github.cwlappender.it.engine.DeliveryScenario.Sent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The engine against LocalStack in Docker. Skipped where there is no Docker engine, in CI too: the moto and strict
 * fake tests cover the same scenario without one.
 */
class LocalStackEngineDeliveryTest
{
    private static final int PER_THREAD = 1_500;

    private static LocalStackContainer localStack;

    @BeforeAll
    static void startLocalStack()
    {
        localStack = LocalStack.startIfDockerAvailable(LocalStackEngineDeliveryTest.class);
    }

    // Skipped per test rather than per class: Maven reports a skipped class as zero tests, without the reason.
    @BeforeEach
    void requireDocker()
    {
        LocalStack.assumeRunning(localStack);
    }

    @AfterAll
    static void stopLocalStack()
    {
        if (localStack != null)
        {
            localStack.stop();
        }
    }

    @Test
    void deliversEveryEventFromTwoThreadsExactlyOnceInTimestampOrder() throws Exception
    {
        AwsCredentialsProvider credentials = LocalStack.credentials(localStack);
        EngineConfig config = DeliveryScenario.config(localStack.getEndpoint().toString(), localStack.getRegion(),
                credentials, DeliveryScenario.uniqueGroup("localstack")).build();
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

        try (CloudWatchLogsClient client = LocalStack.client(localStack))
        {
            assertDeliveredExactlyOnce(sent, DeliveryScenario.readAll(client, config.logGroup(),
                    config.logStream()));
        }
        assertAllDelivered(engine.statistics(), sent.size());
        assertThat(status.errors).isEmpty();
    }
}
