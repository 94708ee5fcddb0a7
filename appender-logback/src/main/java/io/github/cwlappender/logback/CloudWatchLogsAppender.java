package io.github.cwlappender.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAware;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.spi.LifeCycle;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineOption;
import io.github.cwlappender.core.EngineOptions;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.RecursionGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * A Logback appender that ships each event to one Amazon CloudWatch Logs log stream.
 *
 * <p>The event is formatted on the logging thread with the configured {@code <layout>} or {@code <encoder>} (bytes
 * read in the encoder's charset), or with {@link #DEFAULT_PATTERN}; one trailing line break is removed, since every CloudWatch event
 * is already a line of its own. The event's own timestamp becomes the CloudWatch timestamp. Everything after that
 * (batching, sending, retrying) happens on the engine's threads; the logging thread never waits for the network.
 *
 * <p>Options are plain text, checked together in {@link #start()}: a wrong value adds one status error per problem
 * saying what to write instead, and the appender stays stopped; events reaching it are then dropped and counted,
 * never thrown into the application. {@link #stop()} returns within {@code shutdownTimeoutMillis}.
 *
 * <p>WARN and above may use the last tenth of {@code bufferBytes}, so when the buffer is nearly full, lower levels
 * are refused first. The engine reports what it does to the context's status manager; where no status listener is
 * configured, its warnings and errors (above all, lost events) are also printed to {@code System.err}, as Logback
 * prints its own status lines. Any {@code <statusListener>} takes that over; {@code NopStatusListener} silences it.
 *
 * <p>While the appender runs, the logger context refuses every event below WARN that is logged on the appender's own
 * threads (the AWS SDK's and the HTTP client's debug output), for every appender, before any turbo filter or
 * {@code AsyncAppender} sees it: behind an {@code AsyncAppender} whose queue is full such an event would hold the
 * sender thread that must free room for the queue's worker, which waits for room in this appender. WARN and above
 * from those threads still reach other appenders; this one never sends anything logged by the SDK, its HTTP clients
 * or its own threads, so nothing loops.
 *
 * @since 0.1.0
 */
public final class CloudWatchLogsAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
{
    /** The pattern used when neither a layout nor an encoder is configured. */
    public static final String DEFAULT_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    // As Logback's appenders do, a problem that repeats with every event is reported a few times, not every time.
    private static final int REPEATED_STATUS_LIMIT = 3;

    private final EngineOptions options = new EngineOptions();
    // Events that reached the appender while it was stopped (bad options, or after stop()), added by
    // getStatistics() to the engine's counts as RECURSION or SHUTDOWN drops.
    private final LongAdder recursiveWhileStopped = new LongAdder();
    private final LongAdder refusedWhileStopped = new LongAdder();
    private final ReentryGuard reentry = new ReentryGuard();
    // Where the engine's reports go, and this appender's own about lost events: printed while nobody listens.
    private final StatusBridge status = new StatusBridge(this);
    // Racy (see REPEATED_STATUS_LIMIT): a report more or less does not matter.
    private boolean reentryReported;
    private int appendFailures;
    private int refusedWhileStoppedWarnings;
    private Layout<ILoggingEvent> layout;
    private Encoder<ILoggingEvent> encoder;
    private CloudWatchLogsClient client;
    private LifeCycle ownedFormatter;
    private volatile EventFormatter formatter;
    private volatile CloudWatchLogsEngine engine;
    private ContextResetWatch resetWatch;

    // ---- options: every engine option, same name, as text ------------------------------------------------------

    /** Required. The log group, for example {@code /my-team/my-service}. */
    public void setLogGroup(String logGroup)
    {
        options.set(EngineOption.LOG_GROUP, logGroup);
    }

    /** Log stream name; may use {@code {hostname}}, {@code {pid}}, {@code {startupTimestamp}}, {@code {uuid}}. */
    public void setLogStream(String logStream)
    {
        options.set(EngineOption.LOG_STREAM, logStream);
    }

    public void setRegion(String region)
    {
        options.set(EngineOption.REGION, region);
    }

    public void setEndpoint(String endpoint)
    {
        options.set(EngineOption.ENDPOINT, endpoint);
    }

    public void setCreateLogGroup(String createLogGroup)
    {
        options.set(EngineOption.CREATE_LOG_GROUP, createLogGroup);
    }

    public void setCreateLogStream(String createLogStream)
    {
        options.set(EngineOption.CREATE_LOG_STREAM, createLogStream);
    }

    public void setRetentionDays(String retentionDays)
    {
        options.set(EngineOption.RETENTION_DAYS, retentionDays);
    }

    public void setBufferSize(String bufferSize)
    {
        options.set(EngineOption.BUFFER_SIZE, bufferSize);
    }

    /**
     * The byte budget for everything buffered, for example {@code 64MB} (the default), {@code 512KB} or
     * {@code 1g}; the last tenth of it is kept for WARN and above.
     */
    public void setBufferBytes(String bufferBytes)
    {
        options.set(EngineOption.BUFFER_BYTES, bufferBytes);
    }

    /**
     * {@code ADAPTIVE} (the default: wait up to {@code blockTimeoutMillis} for room while delivery is healthy, drop
     * at once while it is failing), {@code DROP} or {@code BLOCK}.
     */
    public void setOnBufferFull(String onBufferFull)
    {
        options.set(EngineOption.ON_BUFFER_FULL, onBufferFull);
    }

    public void setBlockTimeoutMillis(String blockTimeoutMillis)
    {
        options.set(EngineOption.BLOCK_TIMEOUT_MILLIS, blockTimeoutMillis);
    }

    public void setMaxBatchEvents(String maxBatchEvents)
    {
        options.set(EngineOption.MAX_BATCH_EVENTS, maxBatchEvents);
    }

    public void setMaxBatchBytes(String maxBatchBytes)
    {
        options.set(EngineOption.MAX_BATCH_BYTES, maxBatchBytes);
    }

    public void setLingerMillis(String lingerMillis)
    {
        options.set(EngineOption.LINGER_MILLIS, lingerMillis);
    }

    public void setMaxInFlight(String maxInFlight)
    {
        options.set(EngineOption.MAX_IN_FLIGHT, maxInFlight);
    }

    /** {@code TRUNCATE}, {@code SPLIT} or {@code DROP}. */
    public void setOversize(String oversize)
    {
        options.set(EngineOption.OVERSIZE, oversize);
    }

    public void setMaxEventBytes(String maxEventBytes)
    {
        options.set(EngineOption.MAX_EVENT_BYTES, maxEventBytes);
    }

    public void setRetryTimeoutMillis(String retryTimeoutMillis)
    {
        options.set(EngineOption.RETRY_TIMEOUT_MILLIS, retryTimeoutMillis);
    }

    public void setShutdownTimeoutMillis(String shutdownTimeoutMillis)
    {
        options.set(EngineOption.SHUTDOWN_TIMEOUT_MILLIS, shutdownTimeoutMillis);
    }

    public void setRequestTimeoutMillis(String requestTimeoutMillis)
    {
        options.set(EngineOption.REQUEST_TIMEOUT_MILLIS, requestTimeoutMillis);
    }

    /** A named profile of the shared AWS config and credentials files. */
    public void setProfile(String profile)
    {
        options.set(EngineOption.PROFILE, profile);
    }

    /** An IAM role to assume through STS with the base credentials, refreshed before it expires. */
    public void setRoleArn(String roleArn)
    {
        options.set(EngineOption.ROLE_ARN, roleArn);
    }

    /** The session name when assuming {@code roleArn}. */
    public void setRoleSessionName(String roleSessionName)
    {
        options.set(EngineOption.ROLE_SESSION_NAME, roleSessionName);
    }

    /** The external id when assuming {@code roleArn}. */
    public void setExternalId(String externalId)
    {
        options.set(EngineOption.EXTERNAL_ID, externalId);
    }

    /** The class name of your {@code CredentialsProviderFactory}. */
    public void setCredentialsProviderFactory(String credentialsProviderFactory)
    {
        options.set(EngineOption.CREDENTIALS_PROVIDER_FACTORY, credentialsProviderFactory);
    }

    /** The class name of your {@code CloudWatchLogsClientFactory}: the whole client, from configuration. */
    public void setClientFactory(String clientFactory)
    {
        options.set(EngineOption.CLIENT_FACTORY, clientFactory);
    }

    /** Tags for a log group the appender creates, {@code key=value,key2=value2}. */
    public void setTags(String tags)
    {
        options.set(EngineOption.TAGS, tags);
    }

    /** A KMS key ARN for a log group the appender creates. */
    public void setKmsKeyId(String kmsKeyId)
    {
        options.set(EngineOption.KMS_KEY_ID, kmsKeyId);
    }

    /** {@code STANDARD} or {@code INFREQUENT_ACCESS}, for a log group the appender creates. */
    public void setLogGroupClass(String logGroupClass)
    {
        options.set(EngineOption.LOG_GROUP_CLASS, logGroupClass);
    }

    /** Formats events as text; use either this or {@link #setEncoder}. */
    public void setLayout(Layout<ILoggingEvent> layout)
    {
        this.layout = layout;
    }

    /**
     * Formats events as bytes, read back as text with the encoder's own charset (a pattern encoder's text is taken
     * as its layout makes it); use either this or {@link #setLayout}.
     */
    public void setEncoder(Encoder<ILoggingEvent> encoder)
    {
        this.encoder = encoder;
    }

    /**
     * A ready client to use instead of one built from {@code region} and {@code endpoint}. The appender does not
     * close it. Set it before {@link #start()}.
     */
    public void setClient(CloudWatchLogsClient client)
    {
        this.client = client;
    }

    public String getLogGroup()
    {
        return options.get(EngineOption.LOG_GROUP.optionName());
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    @Override
    public void start()
    {
        if (isStarted())
        {
            return;
        }
        List<String> problems = new ArrayList<>();
        EventFormatter format = chooseFormatter(problems);
        EngineConfig config = options.toConfig(appenderName(), client, problems);
        if (config == null || format == null)
        {
            for (String problem : problems)
            {
                addError(prefix() + problem);
            }
            addError(prefix() + "not started because of the " + problems.size()
                    + " problem(s) above; events sent to it are dropped");
            stopOwnedFormatter();
            return;
        }
        // Before the engine starts: its first request (made at start) may already have the SDK log on its threads.
        if (getContext() instanceof LoggerContext)
        {
            EngineThreadFilter.attach((LoggerContext) getContext(), this);
            resetWatch = ContextResetWatch.attach((LoggerContext) getContext());
        }
        CloudWatchLogsEngine created = CloudWatchLogsEngine.create(config, status);
        created.start();
        this.formatter = format;
        this.engine = created;
        super.start();
    }

    /**
     * Refuses new events, delivers what it can within {@code shutdownTimeoutMillis}, and returns. When the logger
     * context is reset for a new configuration ({@code scan}, {@code JoranConfigurator}), returns after half a
     * second at most and lets the engine finish alone within its deadline; a later {@code LoggerContext.stop()}
     * waits for it.
     */
    @Override
    public void stop()
    {
        if (!isStarted())
        {
            return;
        }
        // The engine refuses and counts new events from here on. The appender stays started until the engine is
        // done (or handed over), so that what the SDK logs during the final delivery is counted as recursion, not
        // warned about.
        if (resetWatch != null && resetWatch.isReconfiguring())
        {
            // Never hold a reconfiguring thread for an unreachable endpoint: see ContextResetWatch.
            resetWatch.stopInBackground(engine);
        }
        else
        {
            engine.stop();
        }
        if (getContext() instanceof LoggerContext)
        {
            EngineThreadFilter.detach((LoggerContext) getContext(), this);
        }
        super.stop();
        if (encoder != null)
        {
            // As Logback's own OutputStreamAppender does: the encoder belongs to its appender.
            encoder.stop();
        }
        stopOwnedFormatter();
    }

    // ---- the logging thread ------------------------------------------------------------------------------------

    /**
     * What Logback's {@code UnsynchronizedAppenderBase.doAppend} does (refuse re-entry, then check started and the
     * filters, and turn an exception into a status error), with a re-entry guard of its own (see
     * {@link ReentryGuard}), and every event it refuses counted.
     */
    @Override
    public void doAppend(ILoggingEvent event)
    {
        long[] inside = reentry.enter();
        if (inside == null)
        {
            // Logged while this thread formats another event for this appender. The filters are not asked: one that
            // logs would be called again for what it logs.
            refuseReentry();
            return;
        }
        try
        {
            if (!isStarted())
            {
                refuseWhileStopped(event);
            }
            else if (getFilterChainDecision(event) != FilterReply.DENY)
            {
                append(event);
            }
        }
        catch (RuntimeException e)
        {
            if (appendFailures++ < REPEATED_STATUS_LIMIT)
            {
                status.warn(prefix() + "failed to append an event, which is lost (counted as FORMAT_FAILED when the"
                        + " layout or encoder threw)", e);
            }
        }
        finally
        {
            ReentryGuard.exit(inside);
        }
    }

    @Override
    protected void append(ILoggingEvent event)
    {
        CloudWatchLogsEngine current = engine;
        if (isRecursive(event))
        {
            current.countRecursionDrop();
            return;
        }
        boolean important = event.getLevel().isGreaterOrEqual(Level.WARN);
        try
        {
            // The layout's trailing line break is left out by length: no copy of the text on the logging thread.
            formatter.appendTo(current, event, important);
        }
        catch (RuntimeException e)
        {
            // The engine never throws: the layout or encoder did. doAppend reports it.
            current.countFormatFailure();
            throw e;
        }
    }

    // ---- for tests and advanced users --------------------------------------------------------------------------

    /**
     * Delivers every event appended before this call. Returns true if all of it was finished within the timeout,
     * false on timeout or when the appender is not started.
     */
    public boolean flush(Duration timeout)
    {
        CloudWatchLogsEngine current = engine;
        return isStarted() && current != null && current.flush(timeout);
    }

    /**
     * The engine's counters, plus the events that reached this appender while it was not started (dropped as
     * {@code SHUTDOWN}, or as {@code RECURSION} when they came from the SDK or an engine thread).
     */
    public EngineStatistics getStatistics()
    {
        CloudWatchLogsEngine current = engine;
        EngineStatistics stats = current != null ? current.statistics()
                : new EngineStatistics(0, 0, Map.of(), Map.of(), 0, 0, 0, 0, 0, null);
        long recursive = recursiveWhileStopped.sum();
        long refused = refusedWhileStopped.sum();
        if (recursive + refused == 0)
        {
            return stats;
        }
        Map<DropReason, Long> dropped = new EnumMap<>(stats.droppedByReason());
        dropped.merge(DropReason.RECURSION, recursive, Long::sum);
        dropped.merge(DropReason.SHUTDOWN, refused, Long::sum);
        return new EngineStatistics(stats.accepted() + recursive + refused, stats.delivered(),
                stats.rejectedByReason(), dropped, stats.truncated(), stats.split(), stats.batchesSent(),
                stats.retries(), stats.throttles(), stats.lastError());
    }

    /** The validated configuration of the running engine, or null before a successful start. */
    EngineConfig engineConfig()
    {
        CloudWatchLogsEngine current = engine;
        return current == null ? null : current.config();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private EventFormatter chooseFormatter(List<String> problems)
    {
        if (layout != null && encoder != null)
        {
            problems.add("configure either <layout> or <encoder>, not both");
            return null;
        }
        if (encoder != null)
        {
            startIfNeeded(encoder);
            // Text as the encoder's layout makes it, or its bytes decoded with its own charset: see EncoderText.
            return EncoderText.of(encoder);
        }
        if (layout == null)
        {
            PatternLayout pattern = new PatternLayout();
            pattern.setPattern(DEFAULT_PATTERN);
            pattern.setContext(getContext());
            ownedFormatter = pattern;
            // Formats into a reused builder: one copy of the text per event, none of it a line break.
            return PatternText.start(pattern);
        }
        startIfNeeded(layout);
        Layout<ILoggingEvent> chosen = layout;
        return chosen::doLayout;
    }

    private void startIfNeeded(Object component)
    {
        if (component instanceof ContextAware && ((ContextAware) component).getContext() == null)
        {
            ((ContextAware) component).setContext(getContext());
        }
        if (component instanceof LifeCycle && !((LifeCycle) component).isStarted())
        {
            ((LifeCycle) component).start();
        }
    }

    private void stopOwnedFormatter()
    {
        if (ownedFormatter != null)
        {
            ownedFormatter.stop();
            ownedFormatter = null;
        }
    }

    private String appenderName()
    {
        return name == null ? "CloudWatchLogs" : name;
    }

    private String prefix()
    {
        return "CloudWatch Logs appender [" + appenderName() + "]: ";
    }

    private void refuseReentry()
    {
        countRecursionDrop();
        if (!reentryReported)
        {
            reentryReported = true;
            status.warn(prefix() + "an event logged while this appender formatted another one on the same thread (an"
                    + " argument's toString(), a filter or a layout that logs) was dropped and counted as RECURSION;"
                    + " later ones are only counted", null);
        }
    }

    private void countRecursionDrop()
    {
        CloudWatchLogsEngine current = engine;
        if (current != null && isStarted())
        {
            current.countRecursionDrop();
        }
        else
        {
            recursiveWhileStopped.increment();
        }
    }

    private void refuseWhileStopped(ILoggingEvent event)
    {
        if (getFilterChainDecision(event) == FilterReply.DENY)
        {
            return;
        }
        (isRecursive(event) ? recursiveWhileStopped : refusedWhileStopped).increment();
        if (refusedWhileStoppedWarnings++ < REPEATED_STATUS_LIMIT)
        {
            addWarn(prefix() + "not started: the event is dropped and counted");
        }
    }

    /**
     * Logged on an engine thread or on a background thread of the AWS SDK or its HTTP clients: sending it would
     * loop. The logger name does not matter: the application's own SDK logging on its own threads is delivered.
     */
    private static boolean isRecursive(ILoggingEvent event)
    {
        return RecursionGuard.mustSkipEventOf(event.getThreadName());
    }
}
