package io.github.cwlappender.core;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;

/**
 * Every option the appenders take, declared once: its name, what kind of text it takes, its default, what is
 * allowed, one line of documentation, and which {@link EngineConfig.Builder} setter receives it. {@link EngineOptions}
 * parses configuration text by walking these declarations; both adapters only forward text under these names (tests
 * in each adapter module check that every declared option has its setter or attribute there), and the option table
 * in the configuration reference is generated from them.
 *
 * <p>The declaration order is the order of the reference table. The range checks themselves live in
 * {@link EngineConfig.Builder#build()}, so that code using the builder directly is checked the same way; the
 * {@link #allowed()} text here describes them for readers.
 *
 * @since 0.1.0
 */
public enum EngineOption
{
    LOG_GROUP("logGroup", "required", "1–512 chars of `A-Z a-z 0-9 _ - / . #`, not starting with `aws/`",
            "where to write", text(EngineConfig.Builder::logGroup)),
    LOG_STREAM("logStream", "`" + EngineConfig.DEFAULT_LOG_STREAM + "`", "expands to 1–512 chars, no `:` or `*`",
            "stream within the group", text(EngineConfig.Builder::logStream)),
    REGION("region", "SDK region chain", "an AWS region name", "which region", text(EngineConfig.Builder::region)),
    ENDPOINT("endpoint", "SDK default for the region", "`http` or `https` URL", "endpoint override",
            text(EngineConfig.Builder::endpoint)),
    PROFILE("profile", "SDK credentials chain", "a profile name of `~/.aws/config` / `~/.aws/credentials`",
            "named profile for credentials (and region)", text(EngineConfig.Builder::profile)),
    ROLE_ARN("roleArn", "not set", "an IAM role ARN", "role to assume through STS, refreshed",
            text(EngineConfig.Builder::roleArn)),
    ROLE_SESSION_NAME("roleSessionName", "`cwl-appender-` + appender name",
            "2–64 chars of `A-Z a-z 0-9 _ + = , . @ -`",
            "session name when assuming `roleArn`", text(EngineConfig.Builder::roleSessionName)),
    EXTERNAL_ID("externalId", "not set", "2–1224 chars of `A-Z a-z 0-9 _ + = , . @ : / -`",
            "external id when assuming `roleArn`", text(EngineConfig.Builder::externalId)),
    CREDENTIALS_PROVIDER_FACTORY("credentialsProviderFactory", "not set",
            "a class implementing `CredentialsProviderFactory`, with a public no-argument constructor",
            "your own credentials, from configuration", text(EngineConfig.Builder::credentialsProviderFactory)),
    CLIENT_FACTORY("clientFactory", "not set",
            "a class implementing `CloudWatchLogsClientFactory`, with a public no-argument constructor",
            "your own client (proxy, HTTP client), from configuration", text(EngineConfig.Builder::clientFactory)),
    CREATE_LOG_GROUP("createLogGroup", "`true`", "`true`, `false`", "create a missing group",
            bool(EngineConfig.Builder::createLogGroup)),
    CREATE_LOG_STREAM("createLogStream", "`true`", "`true`, `false`", "create the stream",
            bool(EngineConfig.Builder::createLogStream)),
    RETENTION_DAYS("retentionDays", "not set", join(EngineConfig.ALLOWED_RETENTION_DAYS),
            "retention of a group the appender creates", whole(30, EngineConfig.Builder::retentionDays)),
    TAGS("tags", "not set", "`key=value,key2=value2`: up to 50; keys 1–128, values 0–256 chars",
            "tags of a group the appender creates", text(EngineConfig.Builder::tags)),
    KMS_KEY_ID("kmsKeyId", "not set", "a KMS key ARN", "encryption key of a group the appender creates",
            text(EngineConfig.Builder::kmsKeyId)),
    LOG_GROUP_CLASS("logGroupClass", "`STANDARD`", "`STANDARD`, `INFREQUENT_ACCESS`",
            "class of a group the appender creates", choice(EngineConfig.Builder::logGroupClass)),
    BUFFER_BYTES("bufferBytes", "`64MB`", "at least `2MB` (2,097,152 bytes)", "memory budget for everything held",
            size(EngineConfig.Builder::bufferBytes)),
    BUFFER_SIZE("bufferSize", "`" + EngineConfig.DEFAULT_BUFFER_SIZE + "`", "power of two, 16 to 67,108,864",
            "ring slots", whole(EngineConfig.DEFAULT_BUFFER_SIZE, EngineConfig.Builder::bufferSize)),
    ON_BUFFER_FULL("onBufferFull", "`ADAPTIVE`", choices(OnBufferFull.values()),
            "what a full buffer does to the logging thread", choice(EngineConfig.Builder::onBufferFull)),
    BLOCK_TIMEOUT_MILLIS("blockTimeoutMillis", "`" + EngineConfig.DEFAULT_BLOCK_TIMEOUT_MILLIS + "`", "≥ 0",
            "longest wait for room",
            millis(EngineConfig.DEFAULT_BLOCK_TIMEOUT_MILLIS, EngineConfig.Builder::blockTimeoutMillis)),
    MAX_BATCH_EVENTS("maxBatchEvents", "`" + EngineConfig.SERVICE_MAX_BATCH_EVENTS + "`", "1–10,000",
            "events per request", whole(EngineConfig.SERVICE_MAX_BATCH_EVENTS, EngineConfig.Builder::maxBatchEvents)),
    MAX_BATCH_BYTES("maxBatchBytes", "`" + EngineConfig.SERVICE_MAX_BATCH_BYTES + "`", "42–1,048,576",
            "request size (message bytes + 26 per event)",
            whole(EngineConfig.SERVICE_MAX_BATCH_BYTES, EngineConfig.Builder::maxBatchBytes)),
    LINGER_MILLIS("lingerMillis", "`" + EngineConfig.DEFAULT_LINGER_MILLIS + "`", "≥ 0",
            "how long a batch waits for more events",
            millis(EngineConfig.DEFAULT_LINGER_MILLIS, EngineConfig.Builder::lingerMillis)),
    MAX_IN_FLIGHT("maxInFlight", "`" + EngineConfig.DEFAULT_MAX_IN_FLIGHT + "`", "1–64",
            "concurrent PutLogEvents requests",
            whole(EngineConfig.DEFAULT_MAX_IN_FLIGHT, EngineConfig.Builder::maxInFlight)),
    OVERSIZE("oversize", "`TRUNCATE`", choices(OversizePolicy.values()), "what happens to a too-long message",
            choice(EngineConfig.Builder::oversize)),
    MAX_EVENT_BYTES("maxEventBytes", "`" + EngineConfig.SERVICE_MAX_EVENT_BYTES + "`",
            "16–1,048,550 (and ≤ `maxBatchBytes` − 26)", "longest message",
            whole(EngineConfig.SERVICE_MAX_EVENT_BYTES, EngineConfig.Builder::maxEventBytes)),
    RETRY_TIMEOUT_MILLIS("retryTimeoutMillis", "`" + EngineConfig.DEFAULT_RETRY_TIMEOUT_MILLIS + "`", "≥ 0",
            "how long one batch is retried",
            millis(EngineConfig.DEFAULT_RETRY_TIMEOUT_MILLIS, EngineConfig.Builder::retryTimeoutMillis)),
    SHUTDOWN_TIMEOUT_MILLIS("shutdownTimeoutMillis", "`" + EngineConfig.DEFAULT_SHUTDOWN_TIMEOUT_MILLIS + "`", "≥ 0",
            "longest stop",
            millis(EngineConfig.DEFAULT_SHUTDOWN_TIMEOUT_MILLIS, EngineConfig.Builder::shutdownTimeoutMillis)),
    REQUEST_TIMEOUT_MILLIS("requestTimeoutMillis", "`" + EngineConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS + "`", "≥ 1",
            "limit for one HTTP attempt",
            millis(EngineConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS, EngineConfig.Builder::requestTimeoutMillis));

    /** What kind of text an option takes, which decides how {@link EngineOptions} parses it. */
    public enum Kind
    {
        /** Passed through as written (trimmed). */
        TEXT,
        /** {@code true} or {@code false}, any case. */
        BOOLEAN,
        /** A plain decimal integer. */
        INTEGER,
        /** A plain decimal number of milliseconds. */
        MILLIS,
        /** A byte count, with an optional unit such as {@code 64MB}; parsed by the builder. */
        SIZE,
        /** One of a fixed set of names, any case; parsed by the builder. */
        CHOICE
    }

    private final String optionName;
    private final String defaultText;
    private final String allowed;
    private final String summary;
    private final Parser parser;

    EngineOption(String optionName, String defaultText, String allowed, String summary, Parser parser)
    {
        this.optionName = optionName;
        this.defaultText = defaultText;
        this.allowed = allowed;
        this.summary = summary;
        this.parser = parser;
    }

    /** The name used in configuration files: a Logback child element, a Log4j2 attribute. */
    public String optionName()
    {
        return optionName;
    }

    public Kind kind()
    {
        return parser.kind;
    }

    /** The default as the reference shows it (Markdown). */
    public String defaultText()
    {
        return defaultText;
    }

    /** The values allowed, as the reference shows them (Markdown). */
    public String allowed()
    {
        return allowed;
    }

    /** One line saying what the option is for. */
    public String summary()
    {
        return summary;
    }

    /** The declaration with this configuration name, or null when there is none. */
    public static EngineOption named(String optionName)
    {
        for (EngineOption option : values())
        {
            if (option.optionName.equals(optionName))
            {
                return option;
            }
        }
        return null;
    }

    /**
     * Hands non-blank text (already trimmed) to the builder, or adds one sentence to {@code problems} saying what to
     * write instead.
     */
    void apply(EngineConfig.Builder builder, String value, List<String> problems)
    {
        parser.apply(this, builder, value, problems);
    }

    // ---- how each kind of text reaches the builder ---------------------------------------------------------------

    /** Reads one option's text into the builder; wrong text becomes a problem sentence instead. */
    private abstract static class Parser
    {
        final Kind kind;

        Parser(Kind kind)
        {
            this.kind = kind;
        }

        abstract void apply(EngineOption option, EngineConfig.Builder builder, String value, List<String> problems);
    }

    private static Parser text(BiConsumer<EngineConfig.Builder, String> setter)
    {
        return passThrough(Kind.TEXT, setter);
    }

    private static Parser size(BiConsumer<EngineConfig.Builder, String> setter)
    {
        return passThrough(Kind.SIZE, setter);
    }

    private static Parser choice(BiConsumer<EngineConfig.Builder, String> setter)
    {
        return passThrough(Kind.CHOICE, setter);
    }

    private static Parser passThrough(Kind kind, BiConsumer<EngineConfig.Builder, String> setter)
    {
        return new Parser(kind)
        {
            @Override
            void apply(EngineOption option, EngineConfig.Builder builder, String value, List<String> problems)
            {
                setter.accept(builder, value);
            }
        };
    }

    private static Parser bool(BiConsumer<EngineConfig.Builder, Boolean> setter)
    {
        return new Parser(Kind.BOOLEAN)
        {
            @Override
            void apply(EngineOption option, EngineConfig.Builder builder, String value, List<String> problems)
            {
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false"))
                {
                    setter.accept(builder, Boolean.valueOf(lower));
                }
                else
                {
                    problems.add(option.optionName + " must be true or false; got '" + value + "'");
                }
            }
        };
    }

    private static Parser whole(long example, ObjIntConsumer<EngineConfig.Builder> setter)
    {
        return new Parser(Kind.INTEGER)
        {
            @Override
            void apply(EngineOption option, EngineConfig.Builder builder, String value, List<String> problems)
            {
                int parsed;
                try
                {
                    parsed = Integer.parseInt(value);
                }
                catch (NumberFormatException e)
                {
                    problems.add(option.optionName + " must be a whole number, for example " + example + "; got '"
                            + value + "'");
                    return;
                }
                setter.accept(builder, parsed);
            }
        };
    }

    private static Parser millis(long example, ObjLongConsumer<EngineConfig.Builder> setter)
    {
        return new Parser(Kind.MILLIS)
        {
            @Override
            void apply(EngineOption option, EngineConfig.Builder builder, String value, List<String> problems)
            {
                long parsed;
                try
                {
                    parsed = Long.parseLong(value);
                }
                catch (NumberFormatException e)
                {
                    problems.add(option.optionName + " must be a whole number of milliseconds, for example " + example
                            + "; got '" + value + "'");
                    return;
                }
                setter.accept(builder, parsed);
            }
        };
    }

    private static String choices(Enum<?>[] values)
    {
        StringBuilder text = new StringBuilder();
        for (Enum<?> value : values)
        {
            text.append(text.length() == 0 ? "" : ", ").append('`').append(value.name()).append('`');
        }
        return text.toString();
    }

    private static String join(List<Integer> values)
    {
        StringBuilder text = new StringBuilder();
        for (Integer value : values)
        {
            text.append(text.length() == 0 ? "" : ", ").append(value);
        }
        return text.toString();
    }
}
