package io.github.cwlappender.it.engine;

import static io.github.cwlappender.it.engine.DeliveryScenario.assertAllDelivered;
import static io.github.cwlappender.it.engine.DeliveryScenario.assertDeliveredExactlyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.it.engine.DeliveryScenario.RecordingStatus;
import io.github.cwlappender.it.engine.DeliveryScenario.Sent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The engine against LocalStack in Docker. Skipped where there is no Docker engine, in CI too: the moto and strict
 * fake tests cover the same scenario without one.
 */
class LocalStackEngineDeliveryTest
{
    // Later images need an auth token.
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");
    private static final int PER_THREAD = 1_500;
    static final String NO_DOCKER = "skipped: no Docker engine (LocalStack tests need Docker; they run where a Docker"
            + " engine is available)";

    private static LocalStackContainer localStack;

    @BeforeAll
    static void startLocalStack()
    {
        if (DockerClientFactory.instance().isDockerAvailable())
        {
            localStack = new LocalStackContainer(IMAGE).withServices("logs");
            localStack.start();
        }
        else
        {
            // Surefire's console shows only a skip count; say why where a reader of the build log will see it.
            System.err.println(LocalStackEngineDeliveryTest.class.getSimpleName() + ": " + NO_DOCKER);
        }
    }

    // Skipped per test rather than per class: Maven reports a skipped class as zero tests, without the reason.
    @BeforeEach
    void requireDocker()
    {
        Assumptions.assumeTrue(localStack != null, NO_DOCKER);
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
        AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey()));
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

        try (CloudWatchLogsClient client = CloudWatchLogsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(localStack.getEndpoint())
                .region(Region.of(localStack.getRegion()))
                .credentialsProvider(credentials)
                .build())
        {
            assertDeliveredExactlyOnce(sent, DeliveryScenario.readAll(client, config.logGroup(),
                    config.logStream()));
        }
        assertAllDelivered(engine.statistics(), sent.size());
        assertThat(status.errors).isEmpty();
    }
}
