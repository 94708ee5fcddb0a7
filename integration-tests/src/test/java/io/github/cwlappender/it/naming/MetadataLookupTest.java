package io.github.cwlappender.it.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.internal.naming.DestinationNames;
import io.github.cwlappender.core.internal.naming.LocalValues;
import io.github.cwlappender.core.internal.naming.LogDestination;
import io.github.cwlappender.core.internal.naming.NameSources;
import io.github.cwlappender.testsupport.fake.EcsMetadataServer;
import io.github.cwlappender.testsupport.fake.ImdsV2Server;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The metadata tokens, looked up from loopback fakes of IMDSv2 and the ECS task metadata endpoint. */
class MetadataLookupTest
{
    private final ImdsV2Server imds = ImdsV2Server.start();
    private final EcsMetadataServer ecs = EcsMetadataServer.start();
    private final Map<String, String> env = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void stopFakes()
    {
        imds.stop();
        ecs.stop();
    }

    private LogDestination resolve(String group, String stream, URI imdsEndpoint, String ecsUri)
    {
        NameSources sources = new NameSources(Clock.systemUTC(), LocalValues.system(), env::get, imdsEndpoint, ecsUri,
                NameSources.DEFAULT_REQUEST_TIMEOUT_MILLIS, NameSources.DEFAULT_TOTAL_TIMEOUT_MILLIS);
        DestinationNames names = new DestinationNames(group, stream, sources, problems::add);
        names.resolve();
        return names.current();
    }

    private URI imdsUri()
    {
        return URI.create(imds.endpoint());
    }

    @Test
    void ec2TokensComeFromImdsV2WithOneSessionToken()
    {
        imds.instanceId("i-0feedbeef").region("ca-central-1").accountId("222233334444");

        LogDestination where = resolve("/app/{ec2:region}", "{ec2:instanceId}/{aws:accountId}", imdsUri(), null);

        assertThat(where).isEqualTo(new LogDestination("/app/ca-central-1", "i-0feedbeef/222233334444"));
        assertThat(problems).isEmpty();
        assertThat(imds.tokenRequests()).isEqualTo(1);
        assertThat(imds.refusedWithoutToken()).as("never an IMDSv1 request").isZero();
        assertThat(ecs.requests()).isZero();
    }

    @Test
    void ecsTokensComeFromTheTaskAndContainerDocuments()
    {
        ecs.cluster("arn:aws:ecs:eu-west-1:555566667777:cluster/payments")
                .taskArn("arn:aws:ecs:eu-west-1:555566667777:task/payments/0a1b2c3d4e5f")
                .containerName("api");

        LogDestination where = resolve("/ecs/{ecs:cluster}", "{ecs:containerName}/{ecs:taskId}/{aws:accountId}",
                imdsUri(), ecs.metadataUri());

        assertThat(where).isEqualTo(new LogDestination("/ecs/payments", "api/0a1b2c3d4e5f/555566667777"));
        assertThat(problems).isEmpty();
        assertThat(imds.requests()).as("the task ARN names the account").isZero();
        assertThat(ecs.requests()).as("each document read once").isEqualTo(2);
    }

    @Test
    void aClusterGivenByNameIsUsedAsItIs()
    {
        ecs.cluster("default");

        assertThat(resolve("/g", "{ecs:cluster}", null, ecs.metadataUri()).logStream()).isEqualTo("default");
    }

    @Test
    void aSlowMetadataServiceCostsAtMostTheTotalLimitAndFallsBack()
    {
        imds.delay(Duration.ofSeconds(5));
        long started = System.nanoTime();

        LogDestination where = resolve("/app/{ec2:region}", "{ec2:instanceId}/{aws:accountId}", imdsUri(), null);

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).as("1 s per request, 2 s in all, one failure stops the rest").isLessThan(2_500);
        assertThat(where).isEqualTo(new LogDestination("/app/unknown-region", "unknown-instance/unknown-account"));
        assertThat(problems).hasSize(3).allMatch(p -> p.contains("instance metadata at " + imds.endpoint()));
        assertThat(imds.tokenRequests()).as("no retry after the token request timed out").isEqualTo(1);
    }

    @Test
    void anUnreachableMetadataServiceFallsBackAtOnce()
    {
        ImdsV2Server closed = ImdsV2Server.start();
        URI nobodyListens = URI.create(closed.endpoint());
        closed.stop();
        long started = System.nanoTime();

        LogDestination where = resolve("/app", "{ec2:instanceId}", nobodyListens, null);

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_500);
        assertThat(where.logStream()).isEqualTo("unknown-instance");
        assertThat(problems).singleElement().asString().contains("{ec2:instanceId} could not be read");
    }

    @Test
    void valuesFromMetadataAreMadeLegalForTheirName()
    {
        imds.instanceId("i-1:2*3").region("weird region");

        LogDestination where = resolve("/app/{ec2:region}", "{ec2:instanceId}", imdsUri(), null);

        assertThat(where).isEqualTo(new LogDestination("/app/weird_region", "i-1_2_3"));
    }
}
