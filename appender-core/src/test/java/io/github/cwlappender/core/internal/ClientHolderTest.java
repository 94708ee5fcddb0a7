package io.github.cwlappender.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class ClientHolderTest
{
    @Test
    void builtClientUsesTheConfiguredRegionEndpointAndNoSdkRetries()
    {
        EngineConfig config = EngineConfig.builder().logGroup("g").region("eu-west-3")
                .endpoint("http://127.0.0.1:4566").requestTimeoutMillis(1234)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();

        try (Credentials credentials = new Credentials(config, java.time.Duration.ofSeconds(1));
                CloudWatchLogsClient client = ClientHolder.build(config, credentials))
        {
            var configuration = client.serviceClientConfiguration();
            assertThat(configuration.region().id()).isEqualTo("eu-west-3");
            assertThat(configuration.endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
            // The engine's own retries are bounded per batch; the SDK must not multiply them.
            assertThat(configuration.overrideConfiguration().retryStrategy().get().maxAttempts()).isEqualTo(1);
            assertThat(configuration.overrideConfiguration().apiCallAttemptTimeout())
                    .contains(java.time.Duration.ofMillis(1234));
        }
    }

    @Test
    void aCallersClientIsUsedAsItIsAndNotClosed()
    {
        CloudWatchLogsClient supplied = CloudWatchLogsClient.builder().region(software.amazon.awssdk.regions.Region
                .US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build();
        ClientHolder holder = new ClientHolder(EngineConfig.builder().logGroup("g").client(supplied).build());

        assertThat(holder.get()).isSameAs(supplied);
        holder.close();
        assertThat(holder.get()).isSameAs(supplied);
        supplied.close();
    }
}
