package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.EngineConfig;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/**
 * Supplies the {@link CloudWatchLogsClient}: the caller's, or one built on first use. Building happens on a sender
 * thread, never in {@code start()}: the SDK's region and credential chains may read files or the network, and any
 * logging they do is then on an engine thread, where it cannot loop back.
 */
final class ClientHolder implements Supplier<CloudWatchLogsClient>
{
    private final EngineConfig config;
    private CloudWatchLogsClient client;
    private boolean owned;
    private boolean closed;

    ClientHolder(EngineConfig config)
    {
        this.config = config;
        this.client = config.client();
    }

    @Override
    public synchronized CloudWatchLogsClient get()
    {
        if (client == null)
        {
            if (closed)
            {
                throw new IllegalStateException("engine stopped");
            }
            client = build(config);
            owned = true;
        }
        return client;
    }

    /** Closes the client if this engine built it; a caller's client is the caller's to close. */
    synchronized void close()
    {
        closed = true;
        if (owned && client != null)
        {
            try
            {
                client.close();
            }
            catch (RuntimeException ignored)
            {
                // Closing at shutdown: nothing useful to do with a failure.
            }
        }
    }

    static CloudWatchLogsClient build(EngineConfig config)
    {
        Duration requestTimeout = Duration.ofMillis(config.requestTimeoutMillis());
        Duration connectTimeout = requestTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? requestTimeout
                : Duration.ofSeconds(5);
        CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connectTimeout)
                        .socketTimeout(requestTimeout)
                        .build())
                // The engine retries by itself, with a deadline per batch; SDK retries would multiply with ours.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(requestTimeout)
                        .apiCallTimeout(requestTimeout));
        if (config.region() != null)
        {
            builder.region(Region.of(config.region()));
        }
        if (config.endpoint() != null)
        {
            builder.endpointOverride(config.endpoint());
        }
        if (config.credentialsProvider() != null)
        {
            builder.credentialsProvider(config.credentialsProvider());
        }
        return builder.build();
    }
}
