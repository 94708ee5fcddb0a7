package io.github.cwlappender.it;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * LocalStack in Docker for the tests that run where a Docker engine exists, and the one skip reason used where it
 * does not.
 */
public final class LocalStack
{
    // Later images need an auth token.
    public static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");
    public static final String NO_DOCKER = "skipped: no Docker engine (LocalStack tests need Docker; they run where a"
            + " Docker engine is available)";

    private LocalStack()
    {
    }

    /** A started LocalStack with the Logs service, or null (with the reason printed) when there is no Docker. */
    public static LocalStackContainer startIfDockerAvailable(Class<?> testClass)
    {
        if (!DockerClientFactory.instance().isDockerAvailable())
        {
            // Surefire's console shows only a skip count; say why where a reader of the build log will see it.
            System.err.println(testClass.getSimpleName() + ": " + NO_DOCKER);
            return null;
        }
        LocalStackContainer container = new LocalStackContainer(IMAGE).withServices("logs");
        container.start();
        return container;
    }

    /** Skips the current test, with the reason, when LocalStack could not be started. */
    public static void assumeRunning(LocalStackContainer container)
    {
        Assumptions.assumeTrue(container != null, NO_DOCKER);
    }

    public static StaticCredentialsProvider credentials(LocalStackContainer container)
    {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(container.getAccessKey(),
                container.getSecretKey()));
    }

    /** A client for reading back what the appenders delivered. */
    public static CloudWatchLogsClient client(LocalStackContainer container)
    {
        return CloudWatchLogsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(container.getEndpoint())
                .region(Region.of(container.getRegion()))
                .credentialsProvider(credentials(container))
                .build();
    }
}
