package io.github.cwlappender.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The engine options exactly as configured, as text keyed by option name, checked all together when an appender
 * starts. Both adapters use it, so the option names and their parsing are the same in every framework: it walks the
 * declarations in {@link EngineOption}, the one place where options are named. Parsing here
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

    public void set(EngineOption option, String value)
    {
        values.put(option.optionName(), value);
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
        for (EngineOption option : EngineOption.values())
        {
            String v = value(option.optionName());
            if (v != null)
            {
                option.apply(builder, v, problems);
            }
        }
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
}
