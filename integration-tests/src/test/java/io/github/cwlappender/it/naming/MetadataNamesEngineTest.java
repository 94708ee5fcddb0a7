package io.github.cwlappender.it.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.EcsMetadataServer;
import io.github.cwlappender.testsupport.fake.ImdsV2Server;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine as users start it, with names from the metadata endpoints: the endpoints are found through the same
 * system properties a user would set ({@code cwl.imdsEndpoint}, {@code cwl.ecsMetadataUri}) and point at loopback
 * fakes; the log group and stream are created on the strict fake.
 */
class MetadataNamesEngineTest
{
    private static final int EVENTS = 50;

    private final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
    private final ImdsV2Server imds = ImdsV2Server.start();
    private final EcsMetadataServer ecs = EcsMetadataServer.start();
    private final NamingStatus status = new NamingStatus();
    private final Map<String, String> savedProperties = new HashMap<>();

    @AfterEach
    void restore()
    {
        savedProperties.forEach((key, value) -> {
            if (value == null)
            {
                System.clearProperty(key);
            }
            else
            {
                System.setProperty(key, value);
            }
        });
        server.stop();
        imds.stop();
        ecs.stop();
    }

    private void setProperty(String key, String value)
    {
        savedProperties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** The build sets aws.disableEc2Metadata for every test; these tests turn it off toward the loopback fake. */
    private void useFakeImds()
    {
        setProperty("aws.disableEc2Metadata", "false");
        setProperty("cwl.imdsEndpoint", imds.endpoint());
    }

    private CloudWatchLogsEngine engine(String group, String stream)
    {
        EngineConfig config = EngineConfig.builder().name("names").logGroup(group).logStream(stream)
                .endpoint(server.endpoint()).region(server.region()).credentialsProvider(server.credentials())
                .lingerMillis(50).build();
        return CloudWatchLogsEngine.create(config, status);
    }

    private EngineStatistics deliver(CloudWatchLogsEngine engine)
    {
        long now = System.currentTimeMillis();
        try
        {
            for (int i = 0; i < EVENTS; i++)
            {
                assertThat(engine.append(now + i, "event " + i)).isTrue();
            }
            assertThat(engine.flush(Duration.ofSeconds(30))).as("flush; status: %s", status.reports).isTrue();
        }
        finally
        {
            assertThat(engine.stop(Duration.ofSeconds(10))).as("stop; status: %s", status.reports).isTrue();
        }
        return engine.statistics();
    }

    private List<String> messages(String group, String stream)
    {
        return server.storedEvents(group, stream).stream().map(StoredEvent::message).collect(Collectors.toList());
    }

    @Test
    void ec2NamesComeFromImdsV2AndTheEngineCreatesThem()
    {
        useFakeImds();
        imds.instanceId("i-0abc123").region("eu-north-1").accountId("999988887777");
        CloudWatchLogsEngine engine = engine("/names/{ec2:region}", "{ec2:instanceId}/{aws:accountId}");
        engine.start();

        EngineStatistics stats = deliver(engine);

        assertThat(server.hasLogGroup("/names/eu-north-1")).isTrue();
        assertThat(server.hasLogStream("/names/eu-north-1", "i-0abc123/999988887777")).isTrue();
        assertThat(messages("/names/eu-north-1", "i-0abc123/999988887777")).hasSize(EVENTS)
                .startsWith("event 0", "event 1");
        assertThat(stats.delivered()).isEqualTo(EVENTS);
        assertThat(imds.refusedWithoutToken()).isZero();
        assertThat(status.reports).contains("INFO CloudWatch Logs appender [names]: sending to log stream"
                + " 'i-0abc123/999988887777' in log group '/names/eu-north-1'");
    }

    @Test
    void ecsNamesComeFromTheTaskMetadataEndpoint()
    {
        setProperty("cwl.ecsMetadataUri", ecs.metadataUri());
        ecs.cluster("arn:aws:ecs:us-west-2:111122223333:cluster/orders")
                .taskArn("arn:aws:ecs:us-west-2:111122223333:task/orders/7e57ab1e").containerName("orders-api");
        CloudWatchLogsEngine engine = engine("/ecs/{ecs:cluster}", "{ecs:containerName}/{ecs:taskId}");
        engine.start();

        EngineStatistics stats = deliver(engine);

        assertThat(server.hasLogStream("/ecs/orders", "orders-api/7e57ab1e")).isTrue();
        assertThat(messages("/ecs/orders", "orders-api/7e57ab1e")).hasSize(EVENTS);
        assertThat(stats.delivered()).isEqualTo(EVENTS);
        assertThat(status.errors).isEmpty();
    }

    @Test
    void startNeverWaitsForASlowMetadataServiceAndEventsGoToTheFallbackName()
    {
        useFakeImds();
        imds.delay(Duration.ofSeconds(3));
        CloudWatchLogsEngine engine = engine("/names/slow", "{ec2:instanceId}");

        long started = System.nanoTime();
        engine.start();
        long startMillis = (System.nanoTime() - started) / 1_000_000;

        EngineStatistics stats = deliver(engine);
        assertThat(startMillis).as("start() returned before the metadata look-up").isLessThan(900);
        assertThat(messages("/names/slow", "unknown-instance")).hasSize(EVENTS);
        assertThat(stats.delivered()).isEqualTo(EVENTS);
        assertThat(status.reports).anyMatch(r -> r.startsWith("WARN CloudWatch Logs appender [names]:"
                + " {ec2:instanceId} could not be read") && r.endsWith("using 'unknown-instance'"));
    }

    @Test
    void disablingInstanceMetadataLikeTheSdkSkipsTheLookUp()
    {
        useFakeImds();
        setProperty("aws.disableEc2Metadata", "true");
        CloudWatchLogsEngine engine = engine("/names/disabled", "{ec2:instanceId}");
        engine.start();

        deliver(engine);

        assertThat(imds.requests()).isZero();
        assertThat(messages("/names/disabled", "unknown-instance")).hasSize(EVENTS);
    }
}
