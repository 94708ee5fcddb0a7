package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.EngineConfig;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
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
    private Credentials credentials;
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
            if (config.clientFactory() != null)
            {
                CloudWatchLogsClient made = config.clientFactory().create(config);
                if (made == null)
                {
                    throw new IllegalStateException("clientFactory " + config.clientFactory().getClass().getName()
                            + " returned no client");
                }
                client = made;
                owned = true;
                return client;
            }
            Credentials made = new Credentials(config, requestTimeout(config));
            try
            {
                client = build(config, made);
            }
            catch (RuntimeException e)
            {
                made.close();
                throw e;
            }
            credentials = made;
            owned = true;
        }
        return client;
    }

    /**
     * True when the engine builds the client itself, with the {@link PutLogEventsBody.Interceptor} that sends bodies
     * the batcher wrote; a caller's client gets requests the SDK marshals.
     */
    boolean sendsWrittenBodies()
    {
        return config.client() == null && config.clientFactory() == null;
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
        if (credentials != null)
        {
            credentials.close();
        }
    }

    private static Duration requestTimeout(EngineConfig config)
    {
        return Duration.ofMillis(config.requestTimeoutMillis());
    }

    static CloudWatchLogsClient build(EngineConfig config, Credentials credentials)
    {
        Duration requestTimeout = requestTimeout(config);
        Duration connectTimeout = requestTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? requestTimeout
                : Duration.ofSeconds(5);
        CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connectTimeout)
                        .socketTimeout(requestTimeout)
                        .build())
                // The engine retries by itself, with a deadline per batch; SDK retries would multiply with ours.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new PutLogEventsBody.Interceptor())
                        .apiCallAttemptTimeout(requestTimeout)
                        .apiCallTimeout(requestTimeout));
        if (credentials.region() != null)
        {
            builder.region(credentials.region());
        }
        if (config.endpoint() != null)
        {
            builder.endpointOverride(config.endpoint());
        }
        return builder.credentialsProvider(credentials.provider()).build();
    }
}
