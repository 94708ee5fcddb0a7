package io.github.cwlappender.log4j2;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineOption;
import io.github.cwlappender.core.EngineOptions;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.MessageText;
import io.github.cwlappender.core.RecursionGuard;
import io.github.cwlappender.core.StatusListener;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.validation.constraints.Required;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.selector.ContextSelector;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.status.StatusLogger;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * A Log4j2 appender, {@code <CloudWatchLogs name="..." logGroup="...">}, that ships each event to one Amazon
 * CloudWatch Logs log stream.
 *
 * <p>The event is formatted on the thread that calls the appender (the logging thread, or the async logger's thread,
 * which holds an immutable snapshot of the event) with the nested layout, or with {@link #DEFAULT_PATTERN}; one
 * trailing line break is removed, since every CloudWatch event is already a line of its own. The event's own
 * timestamp becomes the CloudWatch timestamp. Batching, sending and retrying happen on the engine's threads.
 *
 * <p>Wrong options are reported to the {@code StatusLogger}, one error per problem saying what to write instead, and
 * the appender is not created. {@link #stop(long, TimeUnit)} returns within the smaller of Log4j2's shutdown timeout
 * and {@code shutdownTimeoutMillis}.
 *
 * <p>WARN and above may use the last tenth of {@code bufferBytes}, so when the buffer is nearly full, lower levels
 * are refused first. The engine reports what it does to the {@code StatusLogger}. Lost events are reported as
 * warnings where the status level lets warnings through, and otherwise as errors, so that with no status
 * configuration at all (the {@code StatusLogger} then prints errors only) a loss is still seen.
 * {@code <Configuration status="off">} silences them, as it does every status message, and so does
 * {@code -Dlog4j2.statusLoggerLevel=OFF} where no configuration sets a {@code status} attribute.
 *
 * <p>While the appender runs, its configuration refuses every event below WARN that is logged on the appender's own
 * threads (the AWS SDK's and the HTTP client's debug output), for every logger and appender, in
 * {@code Logger.isEnabled}: before an async logger, {@code <AsyncRoot>}, {@code <AsyncLogger>} or {@code <Async>}
 * appender queues it. Queued there, such an event could hold the sender thread that must free room for the
 * queue's consumer, which waits for room in this appender. WARN and above from those threads still reach other
 * appenders; this one never sends anything logged by the SDK, its HTTP clients or its own threads, so nothing
 * loops.
 *
 * @since 0.1.0
 */
@Plugin(name = "CloudWatchLogs", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
public final class CloudWatchLogsAppender extends AbstractAppender
{
    /** The pattern used when no layout is nested. */
    public static final String DEFAULT_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    private static final Logger STATUS = StatusLogger.getLogger();

    // The engine of the manager this appender holds, or last held once stopped (for its statistics).
    private volatile CloudWatchLogsEngine engine;
    private final String prefix;
    private final Configuration configuration;
    private final EngineConfig engineConfig;
    private final Charset bytesCharset;
    // Null while stopped: a stopped appender has given its share of the engine back. Guarded by this.
    private CloudWatchLogsManager manager;

    private CloudWatchLogsAppender(String name, Filter filter, Layout<? extends Serializable> layout,
            boolean ignoreExceptions, Property[] properties, EngineConfig config, Configuration configuration,
            CloudWatchLogsManager manager)
    {
        super(name, filter, layout, ignoreExceptions, properties);
        this.engineConfig = config;
        this.manager = manager;
        this.engine = manager.engine();
        this.bytesCharset = LayoutCharset.of(layout);
        this.prefix = prefix(name);
        this.configuration = configuration;
    }

    @PluginBuilderFactory
    public static <B extends Builder<B>> B newBuilder()
    {
        return new Builder<B>().asBuilder();
    }

    /**
     * Starts the engine for this appender's destination, or joins it where another configuration's appender (the one
     * this configuration replaces) runs it already. Started again after a stop, takes a share of the engine again.
     */
    @Override
    public void start()
    {
        CloudWatchLogsManager current;
        synchronized (this)
        {
            if (manager == null)
            {
                manager = CloudWatchLogsManager.acquire(engineConfig, new StatusBridge(), loggerContext(configuration));
            }
            current = manager;
        }
        // Before the engine starts: its first request (made at start) may already have the SDK log on its threads.
        if (configuration != null)
        {
            EngineThreadFilter.attach(configuration, this);
        }
        current.startEngine();
        engine = current.engine();
        super.start();
    }

    /**
     * Refuses new events, delivers what it can and returns by the deadline: the smaller of {@code timeout} and
     * {@code shutdownTimeoutMillis}, or {@code shutdownTimeoutMillis} alone when Log4j2 gives no timeout (zero, as
     * from {@code Configurator.shutdown(context)} or a shutdown hook without {@code shutdownTimeout}) or only its
     * selector's built-in 50 ms ({@code LogManager.shutdown()}), which no user chose.
     *
     * <p>The engine stops with the last appender that uses it: a reconfiguration that keeps the destination and
     * options keeps the engine running. One that drops it waits half a second at most, then lets the engine finish
     * alone within its deadline, so that the reconfiguring thread is not held while the endpoint is unreachable.
     */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit)
    {
        CloudWatchLogsManager releasing;
        synchronized (this)
        {
            releasing = manager;
            manager = null;
        }
        // The engine refuses and counts new events from here on. The appender stays started until the engine is
        // done, so that what the SDK logs during the final delivery is counted as recursion, not reported as an
        // error (or thrown, with ignoreExceptions="false") by Log4j2 for a stopping appender.
        boolean reconfiguring = replacedByNewConfiguration();
        boolean delivered = releasing == null || releasing.release(stopLimitMillis(timeout, timeUnit,
                engineConfig.shutdownTimeoutMillis()), reconfiguring);
        if (contextStopping())
        {
            // The logging context stops (at exit, say): engines that earlier reconfigurations left finishing get to
            // deliver too before it returns.
            CloudWatchLogsManager.awaitHandedOver();
        }
        if (configuration != null)
        {
            EngineThreadFilter.detach(configuration, this);
        }
        setStopping();
        boolean filtersStopped = super.stop(timeout, timeUnit, false);
        setStopped();
        return delivered && filtersStopped;
    }

    @Override
    public void append(LogEvent event)
    {
        if (RecursionGuard.mustSkipEventOf(event.getThreadName()))
        {
            engine.countRecursionDrop();
            return;
        }
        boolean important = event.getLevel().isMoreSpecificThan(Level.WARN);
        boolean queued;
        try
        {
            queued = formatAndQueue(event, important);
        }
        catch (RuntimeException e)
        {
            // The engine never throws: the layout did. Log4j2 reports the exception (or hands it to a
            // FailoverAppender); the event is counted as lost either way.
            engine.countFormatFailure();
            throw e;
        }
        if (!queued && !ignoreExceptions())
        {
            // Lets a FailoverAppender take the event; the drop is counted either way.
            throw new AppenderLoggingException(prefix + "event dropped (buffer full or appender stopping)");
        }
    }

    private boolean formatAndQueue(LogEvent event, boolean important)
    {
        Layout<? extends Serializable> layout = getLayout();
        if (layout instanceof PatternLayout && Constants.ENABLE_THREADLOCALS)
        {
            byte[] line = patternLine((PatternLayout) layout, event);
            return engine.appendUtf8(event.getTimeMillis(), line, line.length, important);
        }
        String text = layout instanceof PatternLayout ? unpooledPatternText((PatternLayout) layout, event)
                : otherText(layout, event);
        // Any other layout's line break is left out by length, so that the text is not copied again.
        return engine.append(event.getTimeMillis(), text, MessageText.lengthWithoutTrailingLineBreak(text), important);
    }

    /**
     * Delivers every event appended before this call. Returns true if all of it was finished within the timeout,
     * false on timeout or when the appender is not started.
     */
    public boolean flush(Duration timeout)
    {
        return isStarted() && engine.flush(timeout);
    }

    /** The engine's counters: accepted, delivered, rejected and dropped by reason. */
    public EngineStatistics getStatistics()
    {
        return engine.statistics();
    }

    public String getLogGroup()
    {
        return engine.config().logGroup();
    }

    EngineConfig engineConfig()
    {
        return engine.config();
    }

    /**
     * A {@link PatternLayout}'s line (the default layout), written into the thread's reused builder as Log4j2's own
     * garbage-free appenders have it write into theirs, and encoded through the thread's reused buffers into the one
     * array the engine keeps: UTF-8, without the trailing line break.
     */
    private static byte[] patternLine(PatternLayout layout, LogEvent event)
    {
        StringBuilder line = MessageText.lineBuilder();
        try
        {
            layout.serialize(event, line);
            return MessageText.takeUtf8(line);
        }
        finally
        {
            // Left empty for the next event even when a converter threw.
            line.setLength(0);
        }
    }

    /** A {@link PatternLayout}'s text where Log4j2 keeps no thread-locals (web applications): neither does this. */
    private static String unpooledPatternText(PatternLayout layout, LogEvent event)
    {
        StringBuilder line = new StringBuilder(512);
        layout.serialize(event, line);
        return line.toString();
    }

    /** Any other layout's text: a text layout is asked for it, the rest for bytes in their charset. */
    private String otherText(Layout<? extends Serializable> layout, LogEvent event)
    {
        if (layout instanceof StringLayout)
        {
            return ((StringLayout) layout).toSerializable(event);
        }
        return new String(layout.toByteArray(event), bytesCharset);
    }

    /** True while a reconfiguration stops this appender's configuration: the context runs on with another one. */
    private boolean replacedByNewConfiguration()
    {
        LoggerContext context = loggerContext(configuration);
        return context != null && context.isStarted() && context.getConfiguration() != configuration;
    }

    private boolean contextStopping()
    {
        LoggerContext context = loggerContext(configuration);
        return context != null && (context.isStopping() || context.isStopped());
    }

    private static LoggerContext loggerContext(Configuration configuration)
    {
        return configuration == null ? null : configuration.getLoggerContext();
    }

    static long stopLimitMillis(long timeout, TimeUnit timeUnit, long shutdownTimeoutMillis)
    {
        long given = timeUnit.toMillis(timeout);
        // LogManager.shutdown() passes ContextSelector.DEFAULT_STOP_TIMEOUT: too short for one HTTP round trip, and
        // not the user's choice, so honouring it would lose the last events of every application that calls it.
        if (given <= 0 || given == ContextSelector.DEFAULT_STOP_TIMEOUT)
        {
            return shutdownTimeoutMillis;
        }
        return Math.min(given, shutdownTimeoutMillis);
    }



    private static String prefix(String name)
    {
        return "CloudWatch Logs appender [" + name + "]: ";
    }

    /** Engine reports go to Log4j2's StatusLogger; the engine has already prefixed the appender name. */
    private static final class StatusBridge implements StatusListener
    {
        @Override
        public void info(String message)
        {
            STATUS.info(message);
        }

        @Override
        public void warn(String message, Throwable cause)
        {
            STATUS.warn(message, cause);
        }

        @Override
        public void error(String message, Throwable cause)
        {
            STATUS.error(message, cause);
        }

        /**
         * A warning where the status level lets warnings through; otherwise an error, since with no status
         * configuration the StatusLogger shows errors only and a loss must not go unseen. Nothing at all when status
         * output is off.
         */
        @Override
        public void dataLoss(String message)
        {
            if (STATUS.isWarnEnabled())
            {
                STATUS.warn(message);
            }
            else if (STATUS.isErrorEnabled())
            {
                STATUS.error(message);
            }
        }
    }

    /**
     * Builds the appender from {@code <CloudWatchLogs>} attributes (all text, checked together by {@link #build()})
     * or from code.
     */
    public static class Builder<B extends Builder<B>> extends AbstractAppender.Builder<B>
            implements org.apache.logging.log4j.core.util.Builder<CloudWatchLogsAppender>
    {
        @PluginBuilderAttribute
        @Required(message = "CloudWatch Logs appender: {} is required, for example logGroup=\"/my-team/my-service\"")
        private String logGroup;

        @PluginBuilderAttribute
        private String logStream;

        @PluginBuilderAttribute
        private String region;

        @PluginBuilderAttribute
        private String endpoint;

        @PluginBuilderAttribute
        private String createLogGroup;

        @PluginBuilderAttribute
        private String createLogStream;

        @PluginBuilderAttribute
        private String retentionDays;

        @PluginBuilderAttribute
        private String bufferSize;

        @PluginBuilderAttribute
        private String bufferBytes;

        @PluginBuilderAttribute
        private String onBufferFull;

        @PluginBuilderAttribute
        private String blockTimeoutMillis;

        @PluginBuilderAttribute
        private String maxBatchEvents;

        @PluginBuilderAttribute
        private String maxBatchBytes;

        @PluginBuilderAttribute
        private String lingerMillis;

        @PluginBuilderAttribute
        private String maxInFlight;

        @PluginBuilderAttribute
        private String oversize;

        @PluginBuilderAttribute
        private String maxEventBytes;

        @PluginBuilderAttribute
        private String retryTimeoutMillis;

        @PluginBuilderAttribute
        private String shutdownTimeoutMillis;

        @PluginBuilderAttribute
        private String requestTimeoutMillis;

        @PluginBuilderAttribute
        private String profile;

        @PluginBuilderAttribute
        private String roleArn;

        @PluginBuilderAttribute
        private String roleSessionName;

        @PluginBuilderAttribute
        private String externalId;

        @PluginBuilderAttribute
        private String credentialsProviderFactory;

        @PluginBuilderAttribute
        private String clientFactory;

        @PluginBuilderAttribute
        private String tags;

        @PluginBuilderAttribute
        private String kmsKeyId;

        @PluginBuilderAttribute
        private String logGroupClass;

        private CloudWatchLogsClient client;

        @Override
        public CloudWatchLogsAppender build()
        {
            String name = getName();
            List<String> problems = new ArrayList<>();
            if (name == null || name.trim().isEmpty())
            {
                problems.add("name is required, for example <CloudWatchLogs name=\"CLOUDWATCH\" ...>");
                name = "CloudWatchLogs";
            }
            EngineConfig config = options().toConfig(name, client, problems);
            if (config == null || !problems.isEmpty())
            {
                for (String problem : problems)
                {
                    STATUS.error(prefix(name) + problem);
                }
                STATUS.error(prefix(name) + "not created because of the " + problems.size() + " problem(s) above");
                return null;
            }
            Layout<? extends Serializable> layout = getLayout() != null ? getLayout() : defaultLayout();
            // Acquired here, as Log4j2's own appenders do, so that a new configuration's appender holds the engine
            // before the configuration it replaces stops and releases it.
            CloudWatchLogsManager manager = CloudWatchLogsManager.acquire(config, new StatusBridge(),
                    loggerContext(getConfiguration()));
            return new CloudWatchLogsAppender(name, getFilter(), layout, isIgnoreExceptions(), getPropertyArray(),
                    config, getConfiguration(), manager);
        }

        private Layout<? extends Serializable> defaultLayout()
        {
            return PatternLayout.newBuilder().withPattern(DEFAULT_PATTERN).withConfiguration(getConfiguration())
                    .build();
        }

        /**
         * Forwards every declared option's attribute text. Each option is a {@code @PluginBuilderAttribute} field
         * named as the option, since Log4j2 injects attributes into fields; a test checks the two lists agree.
         */
        private EngineOptions options()
        {
            EngineOptions o = new EngineOptions();
            for (EngineOption option : EngineOption.values())
            {
                o.set(option, attribute(option));
            }
            return o;
        }

        private String attribute(EngineOption option)
        {
            try
            {
                return (String) Builder.class.getDeclaredField(option.optionName()).get(this);
            }
            catch (ReflectiveOperationException e)
            {
                throw new IllegalStateException("no attribute field for option " + option.optionName(), e);
            }
        }

        public B setLogGroup(String logGroup)
        {
            this.logGroup = logGroup;
            return asBuilder();
        }

        public B setLogStream(String logStream)
        {
            this.logStream = logStream;
            return asBuilder();
        }

        public B setRegion(String region)
        {
            this.region = region;
            return asBuilder();
        }

        public B setEndpoint(String endpoint)
        {
            this.endpoint = endpoint;
            return asBuilder();
        }

        public B setCreateLogGroup(boolean createLogGroup)
        {
            this.createLogGroup = Boolean.toString(createLogGroup);
            return asBuilder();
        }

        public B setCreateLogStream(boolean createLogStream)
        {
            this.createLogStream = Boolean.toString(createLogStream);
            return asBuilder();
        }

        public B setRetentionDays(int retentionDays)
        {
            this.retentionDays = Integer.toString(retentionDays);
            return asBuilder();
        }

        public B setBufferSize(int bufferSize)
        {
            this.bufferSize = Integer.toString(bufferSize);
            return asBuilder();
        }

        /**
         * The byte budget for everything buffered, for example {@code 64MB} (the default), {@code 512KB} or
         * {@code 1g}; the last tenth of it is kept for WARN and above.
         */
        public B setBufferBytes(String bufferBytes)
        {
            this.bufferBytes = bufferBytes;
            return asBuilder();
        }

        /**
         * {@code ADAPTIVE} (the default: wait up to {@code blockTimeoutMillis} for room while delivery is healthy,
         * drop at once while it is failing), {@code DROP} or {@code BLOCK}.
         */
        public B setOnBufferFull(String onBufferFull)
        {
            this.onBufferFull = onBufferFull;
            return asBuilder();
        }

        public B setBlockTimeoutMillis(long blockTimeoutMillis)
        {
            this.blockTimeoutMillis = Long.toString(blockTimeoutMillis);
            return asBuilder();
        }

        public B setMaxBatchEvents(int maxBatchEvents)
        {
            this.maxBatchEvents = Integer.toString(maxBatchEvents);
            return asBuilder();
        }

        public B setMaxBatchBytes(int maxBatchBytes)
        {
            this.maxBatchBytes = Integer.toString(maxBatchBytes);
            return asBuilder();
        }

        public B setLingerMillis(long lingerMillis)
        {
            this.lingerMillis = Long.toString(lingerMillis);
            return asBuilder();
        }

        public B setMaxInFlight(int maxInFlight)
        {
            this.maxInFlight = Integer.toString(maxInFlight);
            return asBuilder();
        }

        /** {@code TRUNCATE}, {@code SPLIT} or {@code DROP}. */
        public B setOversize(String oversize)
        {
            this.oversize = oversize;
            return asBuilder();
        }

        public B setMaxEventBytes(int maxEventBytes)
        {
            this.maxEventBytes = Integer.toString(maxEventBytes);
            return asBuilder();
        }

        public B setRetryTimeoutMillis(long retryTimeoutMillis)
        {
            this.retryTimeoutMillis = Long.toString(retryTimeoutMillis);
            return asBuilder();
        }

        public B setShutdownTimeoutMillis(long shutdownTimeoutMillis)
        {
            this.shutdownTimeoutMillis = Long.toString(shutdownTimeoutMillis);
            return asBuilder();
        }

        public B setRequestTimeoutMillis(long requestTimeoutMillis)
        {
            this.requestTimeoutMillis = Long.toString(requestTimeoutMillis);
            return asBuilder();
        }

        /** A named profile of the shared AWS config and credentials files. */
        public B setProfile(String profile)
        {
            this.profile = profile;
            return asBuilder();
        }

        /** An IAM role to assume through STS with the base credentials, refreshed before it expires. */
        public B setRoleArn(String roleArn)
        {
            this.roleArn = roleArn;
            return asBuilder();
        }

        /** The session name when assuming {@code roleArn}. */
        public B setRoleSessionName(String roleSessionName)
        {
            this.roleSessionName = roleSessionName;
            return asBuilder();
        }

        /** The external id when assuming {@code roleArn}. */
        public B setExternalId(String externalId)
        {
            this.externalId = externalId;
            return asBuilder();
        }

        /** The class name of your {@code CredentialsProviderFactory}. */
        public B setCredentialsProviderFactory(String credentialsProviderFactory)
        {
            this.credentialsProviderFactory = credentialsProviderFactory;
            return asBuilder();
        }

        /** The class name of your {@code CloudWatchLogsClientFactory}: the whole client, from configuration. */
        public B setClientFactory(String clientFactory)
        {
            this.clientFactory = clientFactory;
            return asBuilder();
        }

        /** Tags for a log group the appender creates, {@code key=value,key2=value2}. */
        public B setTags(String tags)
        {
            this.tags = tags;
            return asBuilder();
        }

        /** A KMS key ARN for a log group the appender creates. */
        public B setKmsKeyId(String kmsKeyId)
        {
            this.kmsKeyId = kmsKeyId;
            return asBuilder();
        }

        /** {@code STANDARD} or {@code INFREQUENT_ACCESS}, for a log group the appender creates. */
        public B setLogGroupClass(String logGroupClass)
        {
            this.logGroupClass = logGroupClass;
            return asBuilder();
        }

        /** A ready client to use instead of one built from {@code region} and {@code endpoint}; not closed by us. */
        public B setClient(CloudWatchLogsClient client)
        {
            this.client = client;
            return asBuilder();
        }
    }
}
