package io.github.cwlappender.core.internal.naming;

import java.util.List;

/**
 * Checks the {@code logGroup} and {@code logStream} options once, at configuration. The log stream's tokens known
 * at configuration are expanded here (so the configuration shows the stream's name whenever it can); the log group
 * keeps its text as written. Whatever tokens remain ({@code {date}}, the metadata look-ups, the group's) are
 * expanded by {@link DestinationNames} off the caller's thread.
 */
public final class ConfiguredNames
{
    /** The same as {@code EngineConfig.DEFAULT_LOG_STREAM} (a test keeps them equal). */
    public static final String DEFAULT_LOG_STREAM = "{hostname}/{startupTimestamp}";

    private ConfiguredNames()
    {
    }

    /** Adds a problem when the {@code logGroup} option is missing, has an unknown token or illegal text. */
    public static void checkLogGroup(String text, List<String> problems)
    {
        checkLogGroup(text, LocalValues.system(), problems);
    }

    /** As {@link #checkLogGroup(String, List)}, from the given local values. */
    public static void checkLogGroup(String text, LocalValues local, List<String> problems)
    {
        if (text == null || text.isEmpty())
        {
            problems.add("logGroup is required, for example <logGroup>/my-team/my-service</logGroup>");
            return;
        }
        NameTemplate template = parse("logGroup", text, problems);
        if (template == null)
        {
            return;
        }
        String literal = template.literalText();
        boolean legalText = literal.length() <= NameSanitizer.MAX_NAME_LENGTH && literal.chars()
                .allMatch(c -> NameSanitizer.isLogGroupChar((char) c));
        if (!legalText || text.startsWith("aws/"))
        {
            problems.add("logGroup must be 1-512 characters of A-Z a-z 0-9 _ - / . # and not start with 'aws/',"
                    + " for example /my-team/my-service or /my-team/{env:SERVICE_NAME}; got '" + text + "'");
            return;
        }
        finish("logGroup", text, template.expand(t -> configurationValue(t, local, true)), true, problems);
    }

    /**
     * The log stream with configuration-time tokens expanded; null or blank means {@value #DEFAULT_LOG_STREAM}.
     * Adds a problem (and returns the text unchanged) when the option is wrong.
     */
    public static String logStream(String text, List<String> problems)
    {
        return logStream(text, LocalValues.system(), problems);
    }

    /** As {@link #logStream(String, List)}, from the given local values. */
    public static String logStream(String text, LocalValues local, List<String> problems)
    {
        String written = text == null || text.trim().isEmpty() ? DEFAULT_LOG_STREAM : text;
        NameTemplate template = parse("logStream", written, problems);
        if (template == null)
        {
            return written;
        }
        String literal = template.literalText();
        if (literal.length() > NameSanitizer.MAX_NAME_LENGTH || literal.indexOf(':') >= 0
                || literal.indexOf('*') >= 0)
        {
            problems.add("logStream must expand to 1-512 characters without ':' or '*', for example "
                    + DEFAULT_LOG_STREAM + "; got '" + written + "'");
            return written;
        }
        String expanded = template.expand(t -> configurationValue(t, local, false));
        return finish("logStream", written, expanded, false, problems);
    }

    private static NameTemplate parse(String option, String text, List<String> problems)
    {
        try
        {
            return NameTemplate.parse(text);
        }
        catch (IllegalArgumentException e)
        {
            problems.add(option + " '" + text + "': " + e.getMessage());
            return null;
        }
    }

    private static String configurationValue(NameTemplate.Token token, LocalValues local, boolean group)
    {
        if (token.substitution().resolved() != Substitution.Resolved.AT_CONFIGURATION)
        {
            return null;
        }
        String value = local.value(token);
        return group ? NameSanitizer.groupValue(value) : NameSanitizer.streamValue(value);
    }

    /** A name with no tokens left is final now: trimmed to the service's rules, and never empty. */
    private static String finish(String option, String written, String expanded, boolean group,
            List<String> problems)
    {
        if (expanded.indexOf('{') >= 0)
        {
            return expanded;
        }
        if (expanded.isEmpty())
        {
            problems.add(option + " '" + written + "' expands to nothing; give the token a default, for example"
                    + " {env:SERVICE_NAME:my-service}");
            return written;
        }
        return group ? NameSanitizer.groupName(expanded) : NameSanitizer.streamName(expanded);
    }
}
