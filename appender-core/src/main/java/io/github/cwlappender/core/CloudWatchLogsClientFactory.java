package io.github.cwlappender.core;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Builds the appender's whole {@link CloudWatchLogsClient}, named by class in the {@code clientFactory} option, so
 * that a client of your own making (a proxy, another HTTP client, your own credentials and retry settings) can be
 * configured from XML. The class needs a public no-argument constructor; it is loaded and created when the appender
 * starts (a class that cannot be is a configuration error naming it), and {@link #create(EngineConfig)} is called
 * later, on the appender's own thread, when it first sends. The appender closes the client when it stops.
 *
 * <p>The client is used as it is: {@code region}, {@code endpoint}, {@code requestTimeoutMillis} and the credentials
 * options do not apply to it (the configuration passed in still carries them, to use as you see fit). The engine
 * retries on its own with a deadline per batch, so give the client {@code AwsRetryStrategy.doNotRetry()} to keep
 * those deadlines exact.
 *
 * @since 0.1.0
 */
public interface CloudWatchLogsClientFactory
{
    /** Returns a new client; {@code config} is the appender's validated configuration. */
    CloudWatchLogsClient create(EngineConfig config);
}
