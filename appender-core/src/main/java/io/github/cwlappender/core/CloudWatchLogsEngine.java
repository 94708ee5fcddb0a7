package io.github.cwlappender.core;

import io.github.cwlappender.core.internal.AwsSdkVersionCheck;
import io.github.cwlappender.core.internal.EngineThread;
import io.github.cwlappender.core.internal.Pipeline;
import io.github.cwlappender.core.internal.RunningEngines;
import io.github.cwlappender.core.internal.StatusReporter;
import java.time.Duration;
import java.util.Objects;

/**
 * Ships {@code <timestamp, message>} events to one CloudWatch Logs log stream.
 *
 * <p>Application threads call {@link #append}, which takes the event's share of the byte budget
 * ({@code bufferBytes}), copies it into a preallocated ring buffer slot without locks and returns at once. When the
 * buffer is full, {@link OnBufferFull#ADAPTIVE} (the default) waits up to {@code blockTimeoutMillis} while delivery
 * is healthy and drops at once while it is failing. One batcher thread drains the ring into PutLogEvents batches
 * that obey every service rule; up to {@code maxInFlight} sender threads deliver them with classified, bounded
 * retries. Every accepted event ends up delivered, rejected or dropped, each
 * counted by reason in {@link #statistics()}.
 *
 * <p>Thread-safe. {@link #start()} never waits for the network; {@link #stop(Duration)} returns by its deadline.
 *
 * @since 0.1.0
 */
public final class CloudWatchLogsEngine implements AutoCloseable
{
    private final EngineConfig config;
    private final StatusReporter status;
    private final Pipeline pipeline;
    private final EngineMXBeanRegistration mbean;

    private CloudWatchLogsEngine(EngineConfig config, StatusListener status)
    {
        this.config = config;
        this.status = new StatusReporter(config.name(), status);
        this.pipeline = new Pipeline(config, this.status);
        this.mbean = new EngineMXBeanRegistration(this);
    }

    /** Creates a stopped engine; call {@link #start()}. */
    public static CloudWatchLogsEngine create(EngineConfig config, StatusListener status)
    {
        return new CloudWatchLogsEngine(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(status, "status"));
    }

    public EngineConfig config()
    {
        return config;
    }

    /**
     * Starts the batcher thread and registers the {@link CloudWatchLogsAppenderMXBean}. Idempotent; does no network
     * I/O.
     */
    public synchronized void start()
    {
        if (pipeline.isRunning() || !AwsSdkVersionCheck.allowsStart(status))
        {
            return;
        }
        pipeline.start();
        if (!pipeline.isRunning())
        {
            // Stopped before: an engine does not start twice.
            return;
        }
        StringBuilder problem = new StringBuilder();
        javax.management.ObjectName name = mbean.register(problem);
        if (name == null)
        {
            status.warn("statistics not shown over JMX: " + problem);
        }
        else
        {
            status.info("statistics over JMX as " + name);
        }
        // Seen from here on by CloudWatchLogs.flushAll and the Micrometer binder.
        RunningEngines.started(this, status::warn);
        if (!pipeline.isRunning())
        {
            // A stop() on another thread ran meanwhile and may have found nothing to remove yet.
            mbean.unregister();
            RunningEngines.stopped(this, status::warn);
        }
    }

    public boolean isStarted()
    {
        return pipeline.isRunning();
    }

    /**
     * Offers one event. Returns true if it was queued for delivery, false if it was dropped (and counted): the
     * buffer was full, the engine is not running, or the caller is one of the engine's own threads.
     *
     * @param timestampMillis epoch milliseconds, the CloudWatch timestamp of the event
     * @param message the formatted message; any length, any characters (empty is dropped, oversize handled by
     *     {@code oversize})
     */
    public boolean append(long timestampMillis, String message)
    {
        return append(timestampMillis, message, false);
    }

    /**
     * As {@link #append(long, String)}, for an event of a given importance. Important events (the adapters pass
     * WARN and above) may use the last part of the buffer that ordinary events may not, so when the buffer is
     * nearly full ordinary events are refused first.
     *
     * @since 0.2.0
     */
    public boolean append(long timestampMillis, String message, boolean important)
    {
        return pipeline.append(timestampMillis, message, important);
    }

    /**
     * As {@link #append(long, String, boolean)}, for the first {@code length} characters of {@code message}: an
     * adapter leaves out a layout's trailing line break this way (see
     * {@link MessageText#lengthWithoutTrailingLineBreak}) without copying the text on the logging thread; the batcher
     * takes the part it needs.
     *
     * @since 0.2.0
     */
    public boolean append(long timestampMillis, String message, int length, boolean important)
    {
        return pipeline.append(timestampMillis, message, length, important);
    }

    /**
     * As {@link #append(long, String, int, boolean)}, for text the adapter has already encoded: the first
     * {@code length} bytes of {@code utf8}, which the engine keeps (the caller must not change them afterwards) and
     * sends without decoding. Malformed UTF-8 is not refused: the batcher replaces each malformed sequence with
     * U+FFFD, as it replaces a lone surrogate in a string. {@link MessageText#takeUtf8} makes such bytes from a
     * layout's output with one copy.
     *
     * @since 0.2.0
     */
    public boolean appendUtf8(long timestampMillis, byte[] utf8, int length, boolean important)
    {
        return pipeline.appendUtf8(timestampMillis, utf8, length, important);
    }

    /**
     * Bytes of {@code bufferBytes} that buffered events take now: in the ring, in batches waiting and in flight.
     *
     * @since 0.2.0
     */
    public long bufferedBytes()
    {
        return pipeline.bufferedBytes();
    }

    /**
     * Null while delivery is healthy; otherwise why it counts as failing (the last error, or how long the service
     * has not answered). While failing, {@link OnBufferFull#ADAPTIVE} drops instead of waiting.
     *
     * @since 0.2.0
     */
    public String deliveryFailure()
    {
        return pipeline.deliveryFailure();
    }

    /**
     * Counts an event that an adapter refused because it came from the AWS SDK, its HTTP client or the engine's
     * own threads (see {@link RecursionGuard}).
     */
    public void countRecursionDrop()
    {
        pipeline.countRecursionDrop();
    }

    /**
     * Counts an event that an adapter could not make text of because its layout or encoder threw; the adapter or its
     * framework reports the exception.
     *
     * @since 0.2.0
     */
    public void countFormatFailure()
    {
        pipeline.countFormatFailure();
    }

    /**
     * Seals the open batch and waits until every event accepted before this call is delivered, rejected or dropped
     * (each counted), or the timeout passes. Returns true if all of it finished in time. Never throws for a timeout
     * and never waits past it. With nothing outstanding it returns true at once, without waking the batcher. Called
     * on one of the engine's own threads it returns false at once: that thread would be waiting for itself.
     *
     * @see CloudWatchLogs#flushAll(Duration)
     */
    public boolean flush(Duration timeout)
    {
        if (pipeline.pending() == 0)
        {
            return true;
        }
        if (EngineThread.isCurrent())
        {
            return false;
        }
        return pipeline.flush(CloudWatchLogs.nanosAtMost(timeout));
    }

    /** Stops within {@code shutdownTimeoutMillis}. */
    public boolean stop()
    {
        return stop(Duration.ofMillis(config.shutdownTimeoutMillis()));
    }

    /**
     * Refuses new events, delivers what it can, and returns by the deadline whatever the network does. What could
     * not be delivered is counted as {@link DropReason#SHUTDOWN} and reported. Returns true if nothing was lost.
     */
    public boolean stop(Duration timeout)
    {
        try
        {
            return pipeline.stop(timeout.toNanos());
        }
        finally
        {
            mbean.unregister();
            RunningEngines.stopped(this, status::warn);
        }
    }

    @Override
    public void close()
    {
        stop();
    }

    /** A consistent snapshot of the counters. */
    public EngineStatistics statistics()
    {
        return pipeline.statistics();
    }

    /** True on the engine's own batcher and sender threads, whose logging must never reach an appender. */
    public static boolean isEngineThread()
    {
        return EngineThread.isCurrent();
    }

    @Override
    public String toString()
    {
        return "CloudWatchLogsEngine[" + config.name() + " -> " + config.logGroup() + "/" + config.logStream() + "]";
    }
}
