package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.internal.naming.LogDestination;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.AccessDeniedException;
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

    /**
     * Creates what is missing of {@code where} (the names a batch is sent to, which change with {@code {date}}).
     * Returns false when the options forbid creating it.
     */
    synchronized boolean createMissing(LogDestination where)
    {
        if (!config.createLogStream())
        {
            status.errorLimited("destination", where + " does not exist and createLogStream is false; create it"
                    + " or set createLogStream to true");
            return false;
        }
        try
        {
            createStream(where);
            return true;
        }
        catch (ResourceNotFoundException groupMissing)
        {
            if (!config.createLogGroup())
            {
                status.errorLimited("destination", "log group '" + where.logGroup() + "' does not exist and"
                        + " createLogGroup is false; create it or set createLogGroup to true");
                return false;
            }
        }
        createGroup(where.logGroup());
        createStream(where);
        return true;
    }

    private void createGroup(String group)
    {
        try
        {
            createGroup(group, true);
        }
        catch (ResourceAlreadyExistsException raced)
        {
            return;
        }
        catch (AccessDeniedException denied)
        {
            if (config.tags().isEmpty())
            {
                throw denied;
            }
            // Tags are a convenience, like retention: a missing logs:TagResource must not stop delivery.
            status.warn("could not tag log group '" + group + "' (" + Failure.describe(denied) + "); creating it"
                    + " without tags: grant logs:TagResource to have them");
            try
            {
                createGroup(group, false);
            }
            catch (ResourceAlreadyExistsException raced)
            {
                return;
            }
        }
        if (config.retentionDays() != null)
        {
            try
            {
                client.get().putRetentionPolicy(b -> b.logGroupName(group)
                        .retentionInDays(config.retentionDays()));
            }
            catch (RuntimeException e)
            {
                // Retention is a convenience: a missing logs:PutRetentionPolicy permission must not stop delivery.
                status.warn("could not set retention of " + config.retentionDays() + " days on log group '"
                        + group + "': " + Failure.describe(e));
            }
        }
    }

    // Tags, key and class are set only here, on a group we create: an existing group is never changed.
    private void createGroup(String group, boolean withTags)
    {
        client.get().createLogGroup(b -> b.logGroupName(group)
                .tags(withTags && !config.tags().isEmpty() ? config.tags() : null)
                .kmsKeyId(config.kmsKeyId())
                .logGroupClass(config.logGroupClass()));
        status.info("created log group '" + group + "'" + (withTags || config.tags().isEmpty() ? ""
                : " without tags"));
    }

    private void createStream(LogDestination where)
    {
        try
        {
            client.get().createLogStream(b -> b.logGroupName(where.logGroup()).logStreamName(where.logStream()));
            status.info("created " + where);
        }
        catch (ResourceAlreadyExistsException raced)
        {
            // Another writer created it first: exactly what we wanted.
        }
    }
}
