package io.github.cwlappender.it.credentials;

import io.github.cwlappender.core.CloudWatchLogsClientFactory;
import io.github.cwlappender.core.EngineConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** A user's own client, named by class in the {@code clientFactory} option, built from what the configuration says. */
public final class LoopbackClientFactory implements CloudWatchLogsClientFactory
{
    static final String ACCESS_KEY_ID = "AKIDFROMCLIENTFACTORY";

    @Override
    public CloudWatchLogsClient create(EngineConfig config)
    {
        return CloudWatchLogsClient.builder()
                .endpointOverride(config.endpoint())
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID,
                        "client-factory-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
