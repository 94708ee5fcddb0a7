package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.RejectReason;
import io.github.cwlappender.core.internal.naming.DestinationNames;
import io.github.cwlappender.core.internal.naming.LogDestination;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * Delivers one batch with PutLogEvents and decides what each failure means: retry with backoff (throttling, 5xx,
 * network) until the batch's retry deadline, create the destination, split an invalid batch to isolate the bad
 * event, or give up and count. Every event of the batch ends up counted exactly once, unless the engine is aborted
 * at its shutdown deadline, when the engine counts the remainder.
 */
final class BatchDelivery
{
    private static final int MAX_CREATIONS_PER_BATCH = 3;

    private final EngineConfig config;
    private final Supplier<CloudWatchLogsClient> client;
    private final Destinations destinations;
    private final DestinationNames names;
    private final Counters counters;
    private final StatusReporter status;
    private final ShutdownSignal shutdown;
    private final DeliveryHealth health;
    private final Backoff backoff;

    BatchDelivery(EngineConfig config, Supplier<CloudWatchLogsClient> client, Destinations destinations,
            DestinationNames names, Counters counters, StatusReporter status, ShutdownSignal shutdown,
            DeliveryHealth health)
    {
        this.config = config;
        this.client = client;
        this.destinations = destinations;
        this.names = names;
        this.counters = counters;
        this.status = status;
        this.shutdown = shutdown;
        this.health = health;
        this.backoff = new Backoff(config.retryBaseDelay(), config.retryMaxDelay());
    }

    void deliver(Batch batch)
    {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.retryTimeoutMillis());
        // Named once per batch: with {date} a batch retried across midnight stays in the stream it started in.
        deliver(batch.events(), names.current(), deadline, new int[1]);
    }

    /**
     * One PutLogEvents call. Only the call itself counts as waiting for the service: getting the client may first
     * build it, which in a cold JVM can outlast the grace window without the service having been asked anything.
     */
    private PutLogEventsResponse put(BatchEvents events, LogDestination where)
    {
        CloudWatchLogsClient ready = client.get();
        health.callStarted();
        try
        {
            return events.put(ready, where);
        }
        finally
        {
            health.callEnded();
        }
    }

    /**
     * @param attempts failed attempts so far for this batch, shared by the halves of a split batch so that their
     *     backoff goes on growing instead of starting over
     */
    private void deliver(BatchEvents events, LogDestination where, long deadline, int[] attempts)
    {
        int creations = 0;
        while (!shutdown.isAborted())
        {
            Failure failure;
            String description;
            try
            {
                PutLogEventsResponse response = put(events, where);
                health.succeeded();
                counters.batchSent();
                account(response.rejectedLogEventsInfo(), events.size());
                return;
            }
            catch (RuntimeException e)
            {
                if (shutdown.isAborted())
                {
                    // Past the shutdown deadline the engine counts this batch as dropped at shutdown.
                    return;
                }
                failure = Failure.classify(e);
                description = Failure.describe(e);
                counters.lastError(description);
                health.callFailed(failure, Failure.isServiceAnswer(e), description);
                switch (failure)
                {
                    case INVALID_PARAMETER:
                        isolateInvalid(events, where, deadline, attempts, description);
                        return;
                    case PERMANENT:
                        giveUp(events.size(), DropReason.PERMANENT_ERROR, description);
                        return;
                    case RESOURCE_NOT_FOUND:
                        if (creations < MAX_CREATIONS_PER_BATCH && tryCreateDestination(where))
                        {
                            creations++;
                            continue;
                        }
                        break;
                    case THROTTLED:
                        counters.throttled();
                        break;
                    case CREDENTIALS:
                        status.errorLimited("credentials", "PutLogEvents is refused [" + description
                                + "]: check the credentials, region and IAM permission logs:PutLogEvents;"
                                + " retrying slowly for up to " + config.retryTimeoutMillis() + " ms per batch");
                        break;
                    default:
                        status.warnLimited("transient", "PutLogEvents failed, retrying: " + description);
                        break;
                }
            }
            long delay = backoff.delayNanos(attempts[0]++, failure);
            if (System.nanoTime() + delay > deadline)
            {
                DropReason reason = failure == Failure.THROTTLED || failure == Failure.TRANSIENT
                        ? DropReason.RETRY_TIMEOUT : DropReason.PERMANENT_ERROR;
                giveUp(events.size(), reason, description);
                return;
            }
            counters.retried();
            shutdown.sleep(delay);
        }
    }

    private boolean tryCreateDestination(LogDestination where)
    {
        health.callStarted();
        try
        {
            return destinations.createMissing(where);
        }
        catch (RuntimeException e)
        {
            counters.lastError(Failure.describe(e));
            status.warnLimited("create", "could not create the log group or stream: " + Failure.describe(e));
            return false;
        }
        finally
        {
            health.callEnded();
        }
    }

    /**
     * The service refused the batch as a whole: halve it until the bad event stands alone, deliver the rest. The
     * halves keep the batch's retry deadline: what is still unsent when it passes is given up, not retried on.
     */
    private void isolateInvalid(BatchEvents events, LogDestination where, long deadline, int[] attempts,
            String description)
    {
        if (events.size() == 1)
        {
            giveUp(1, DropReason.INVALID, description);
            return;
        }
        int half = events.size() / 2;
        for (BatchEvents part : List.of(events.slice(0, half), events.slice(half, events.size())))
        {
            if (shutdown.isAborted())
            {
                return;
            }
            if (System.nanoTime() - deadline >= 0)
            {
                giveUp(part.size(), DropReason.RETRY_TIMEOUT, "retry deadline passed while isolating the event the"
                        + " service refused: " + description);
                continue;
            }
            deliver(part, where, deadline, attempts);
        }
    }

    private void giveUp(int count, DropReason reason, String description)
    {
        counters.dropped(reason, count);
        status.warnLimited("giveup-" + reason, "dropped " + count + " events (" + reason + "): " + description);
    }

    /** Reads {@code rejectedLogEventsInfo}: rejected events are counted by reason and never retried. */
    private void account(RejectedLogEventsInfo info, int size)
    {
        if (info == null)
        {
            counters.delivered(size);
            return;
        }
        int expired = clamp(info.expiredLogEventEndIndex(), 0, size);
        int tooOldEnd = clamp(info.tooOldLogEventEndIndex(), 0, size);
        int tooNewStart = info.tooNewLogEventStartIndex() == null ? size
                : clamp(info.tooNewLogEventStartIndex(), 0, size);
        int oldPrefix = Math.max(expired, tooOldEnd);
        int tooOld = oldPrefix - expired;
        int tooNew = size - Math.max(tooNewStart, oldPrefix);
        counters.rejected(RejectReason.SERVICE_EXPIRED, expired);
        counters.rejected(RejectReason.SERVICE_TOO_OLD, tooOld);
        counters.rejected(RejectReason.SERVICE_TOO_NEW, tooNew);
        counters.delivered(size - expired - tooOld - tooNew);
        if (expired + tooOld + tooNew > 0)
        {
            status.warnLimited("rejected", "the service rejected " + (expired + tooOld + tooNew)
                    + " events of a batch of " + size + ": " + tooOld + " too old, " + tooNew + " too new, "
                    + expired + " older than the log group's retention");
        }
    }

    private static int clamp(Integer value, int min, int max)
    {
        return value == null ? min : Math.max(min, Math.min(max, value));
    }
}
