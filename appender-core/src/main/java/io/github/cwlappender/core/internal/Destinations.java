package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.EngineConfig;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Creates the log group and log stream when a put finds them missing, if the options allow it. Someone else
 * creating them first ({@code ResourceAlreadyExistsException}) counts as success. Service errors propagate so that
 * the sender classifies them like any other failure.
 */
final class Destinations
{
    private final EngineConfig config;
    private final Supplier<CloudWatchLogsClient> client;
    private final StatusReporter status;

    Destinations(EngineConfig config, Supplier<CloudWatchLogsClient> client, StatusReporter status)
    {
        this.config = config;
        this.client = client;
        this.status = status;
    }

    /** Creates what is missing. Returns false when the options forbid creating it. */
    synchronized boolean createMissing()
    {
        if (!config.createLogStream())
        {
            status.errorLimited("destination", "log stream '" + config.logStream() + "' in log group '"
                    + config.logGroup() + "' does not exist and createLogStream is false; create it or set"
                    + " createLogStream to true");
            return false;
        }
        try
        {
            createStream();
            return true;
        }
        catch (ResourceNotFoundException groupMissing)
        {
            if (!config.createLogGroup())
            {
                status.errorLimited("destination", "log group '" + config.logGroup() + "' does not exist and"
                        + " createLogGroup is false; create it or set createLogGroup to true");
                return false;
            }
        }
        createGroup();
        createStream();
        return true;
    }

    private void createGroup()
    {
        try
        {
            client.get().createLogGroup(b -> b.logGroupName(config.logGroup()));
            status.info("created log group '" + config.logGroup() + "'");
        }
        catch (ResourceAlreadyExistsException raced)
        {
            return;
        }
        if (config.retentionDays() != null)
        {
            try
            {
                client.get().putRetentionPolicy(b -> b.logGroupName(config.logGroup())
                        .retentionInDays(config.retentionDays()));
            }
            catch (RuntimeException e)
            {
                // Retention is a convenience: a missing logs:PutRetentionPolicy permission must not stop delivery.
                status.warn("could not set retention of " + config.retentionDays() + " days on log group '"
                        + config.logGroup() + "': " + Failure.describe(e));
            }
        }
    }

    private void createStream()
    {
        try
        {
            client.get().createLogStream(b -> b.logGroupName(config.logGroup()).logStreamName(config.logStream()));
            status.info("created log stream '" + config.logStream() + "' in log group '" + config.logGroup() + "'");
        }
        catch (ResourceAlreadyExistsException raced)
        {
            // Another writer created it first: exactly what we wanted.
        }
    }
}
