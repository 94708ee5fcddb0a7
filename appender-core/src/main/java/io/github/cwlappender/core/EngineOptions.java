package io.github.cwlappender.core;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The engine options exactly as configured, as text keyed by option name, checked all together when an appender
 * starts. Both adapters use it, so the option names and their parsing are the same in every framework. Parsing here
 * rather than in typed setters means a value such as {@code 8k} is reported with the option's name and an example,
 * like the range problems the engine's builder finds, instead of being silently replaced by a default.
 *
 * @since 0.1.0
 */
public final class EngineOptions
{
    private final Map<String, String> values = new HashMap<>();

    public void set(String option, String value)
    {
        values.put(option, value);
    }

    public String get(String option)
    {
        return values.get(option);
    }

    /**
     * Returns the engine's configuration, or null after adding one sentence per wrong option to {@code problems},
     * each saying what to write instead.
     */
    public EngineConfig toConfig(String appenderName, CloudWatchLogsClient client, List<String> problems)
    {
        EngineConfig.Builder builder = EngineConfig.builder().name(appenderName).client(client);
        int before = problems.size();
        text("logGroup", builder::logGroup);
        text("logStream", builder::logStream);
        text("region", builder::region);
        text("endpoint", builder::endpoint);
        bool(problems, "createLogGroup", builder::createLogGroup);
        bool(problems, "createLogStream", builder::createLogStream);
        whole(problems, "retentionDays", 30, builder::retentionDays);
        whole(problems, "bufferSize", EngineConfig.DEFAULT_BUFFER_SIZE, builder::bufferSize);
        text("bufferBytes", builder::bufferBytes);
        text("onBufferFull", builder::onBufferFull);
        millis(problems, "blockTimeoutMillis", EngineConfig.DEFAULT_BLOCK_TIMEOUT_MILLIS, builder::blockTimeoutMillis);
        whole(problems, "maxBatchEvents", EngineConfig.SERVICE_MAX_BATCH_EVENTS, builder::maxBatchEvents);
        whole(problems, "maxBatchBytes", EngineConfig.SERVICE_MAX_BATCH_BYTES, builder::maxBatchBytes);
        millis(problems, "lingerMillis", EngineConfig.DEFAULT_LINGER_MILLIS, builder::lingerMillis);
        whole(problems, "maxInFlight", EngineConfig.DEFAULT_MAX_IN_FLIGHT, builder::maxInFlight);
        text("oversize", builder::oversize);
        whole(problems, "maxEventBytes", EngineConfig.SERVICE_MAX_EVENT_BYTES, builder::maxEventBytes);
        millis(problems, "retryTimeoutMillis", EngineConfig.DEFAULT_RETRY_TIMEOUT_MILLIS, builder::retryTimeoutMillis);
        millis(problems, "shutdownTimeoutMillis", EngineConfig.DEFAULT_SHUTDOWN_TIMEOUT_MILLIS,
                builder::shutdownTimeoutMillis);
        millis(problems, "requestTimeoutMillis", EngineConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS,
                builder::requestTimeoutMillis);
        try
        {
            EngineConfig config = builder.build();
            return problems.size() == before ? config : null;
        }
        catch (InvalidConfigurationException e)
        {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The value without surrounding blanks, or null when it is missing or blank (the builder's default applies). */
    private String value(String option)
    {
        String raw = values.get(option);
        if (raw == null || raw.trim().isEmpty())
        {
            return null;
        }
        return raw.trim();
    }

    private void text(String option, Consumer<String> setter)
    {
        String v = value(option);
        if (v != null)
        {
            setter.accept(v);
        }
    }

    private void bool(List<String> problems, String option, Consumer<Boolean> setter)
    {
        String v = value(option);
        if (v == null)
        {
            return;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false"))
        {
            setter.accept(Boolean.valueOf(lower));
        }
        else
        {
            problems.add(option + " must be true or false; got '" + v + "'");
        }
    }

    private void whole(List<String> problems, String option, long example, IntConsumer setter)
    {
        String v = value(option);
        if (v == null)
        {
            return;
        }
        try
        {
            setter.accept(Integer.parseInt(v));
        }
        catch (NumberFormatException e)
        {
            problems.add(option + " must be a whole number, for example " + example + "; got '" + v + "'");
        }
    }

    private void millis(List<String> problems, String option, long example, LongConsumer setter)
    {
        String v = value(option);
        if (v == null)
        {
            return;
        }
        try
        {
            setter.accept(Long.parseLong(v));
        }
        catch (NumberFormatException e)
        {
            problems.add(option + " must be a whole number of milliseconds, for example " + example + "; got '" + v
                    + "'");
        }
    }
}
