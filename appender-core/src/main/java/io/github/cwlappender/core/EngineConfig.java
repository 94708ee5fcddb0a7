package io.github.cwlappender.core;

import io.github.cwlappender.core.internal.naming.ConfiguredNames;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The validated, immutable settings of one {@link CloudWatchLogsEngine}. Built once by {@link Builder#build()},
 * which checks every option and reports all problems together.
 *
 * @since 0.1.0
 */
public final class EngineConfig
{
    /** Largest PutLogEvents request: the sum over events of UTF-8 message bytes plus 26. */
    public static final int SERVICE_MAX_BATCH_BYTES = 1_048_576;
    /** Most events in one PutLogEvents request. */
    public static final int SERVICE_MAX_BATCH_EVENTS = 10_000;
    /** Per-event overhead the service adds to the message bytes when it sizes a request. */
    public static final int EVENT_OVERHEAD_BYTES = 26;
    /** Largest message, in UTF-8 bytes, that one event may carry (1 MiB less the per-event overhead). */
    public static final int SERVICE_MAX_EVENT_BYTES = 1_048_550;

    /**
     * Ring slots. The batcher empties the ring continuously into batches, so the ring only absorbs the moment-to-moment
     * difference between the logging threads and the batcher; {@link #DEFAULT_BUFFER_BYTES} is what bounds memory.
     */
    public static final int DEFAULT_BUFFER_SIZE = 32_768;
    /**
     * The byte budget for every event the engine holds (ring, open batch, sealed batches, in flight): 64 MiB. A 30 s
     * outage at 4,000 events/s of 200 bytes needs 120,000 x (200 + {@value #BUFFERED_EVENT_OVERHEAD_BYTES}) = about
     * 36 MB, which fits with room to spare below the part kept for WARN and above.
     */
    public static final long DEFAULT_BUFFER_BYTES = 64L * 1024 * 1024;
    /**
     * How much each buffered event counts against {@code bufferBytes} beyond the heap its text takes (one byte per
     * character for Latin-1 text, two otherwise): the objects that hold it (string, array, event and list entry
     * headers; about 85 to 93 bytes measured on JDK 17), so that the budget tracks the heap it stands for.
     */
    public static final int BUFFERED_EVENT_OVERHEAD_BYTES = 96;
    /**
     * Longest wait for room with {@link OnBufferFull#ADAPTIVE} while delivery is healthy (and with
     * {@link OnBufferFull#BLOCK} always). A healthy endpoint frees room with every batch it stores, within one
     * request's round trip; 5 s covers a slow request many times over, while an endpoint that stops answering is
     * detected well within it (the waiters are then released at once).
     */
    public static final long DEFAULT_BLOCK_TIMEOUT_MILLIS = 5000;
    public static final long DEFAULT_LINGER_MILLIS = 1000;
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    public static final long DEFAULT_RETRY_TIMEOUT_MILLIS = 60_000;
    public static final long DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    public static final String DEFAULT_LOG_STREAM = "{hostname}/{startupTimestamp}";

    /** Retention periods the service accepts, in days. */
    static final List<Integer> ALLOWED_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** Log group classes an appender may create a group with ({@code DELIVERY} groups cannot take PutLogEvents). */
    static final List<String> LOG_GROUP_CLASSES = List.of("STANDARD", "INFREQUENT_ACCESS");
    /** Most tags the service accepts on one log group. */
    static final int MAX_TAGS = 50;

    // Regions newer than the SDK on the class path still pass: the partitions' naming, e.g. eu-south-3, us-gov-east-2.
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\\d+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern ROLE_SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern KMS_KEY_ARN =
            Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

    // Room for any one character (4 UTF-8 bytes) several times over, so truncation and splitting always progress.
    private static final int MIN_EVENT_BYTES = 16;
    private static final int MIN_BUFFER_SIZE = 16;
    // At least two full batches, so one batch in flight never leaves the next with no room at all.
    private static final long MIN_BUFFER_BYTES = 2L * SERVICE_MAX_BATCH_BYTES;
    private static final int MAX_BUFFER_SIZE = 1 << 26;
    private static final int MAX_IN_FLIGHT_LIMIT = 64;

    private final String name;
    private final String logGroup;
    private final String logStream;
    private final String region;
    private final URI endpoint;
    private final boolean createLogGroup;
    private final boolean createLogStream;
    private final Integer retentionDays;
    private final int bufferSize;
    private final long bufferBytes;
    private final OnBufferFull onBufferFull;
    private final long blockTimeoutMillis;
    private final int maxBatchEvents;
    private final int maxBatchBytes;
    private final long lingerMillis;
    private final int maxInFlight;
    private final OversizePolicy oversize;
    private final int maxEventBytes;
    private final long retryTimeoutMillis;
    private final long shutdownTimeoutMillis;
    private final long requestTimeoutMillis;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final CloudWatchLogsClient client;
    private final AwsCredentialsProvider credentialsProvider;
    private final String profile;
    private final String roleArn;
    private final String roleSessionName;
    private final String externalId;
    private final CredentialsProviderFactory credentialsProviderFactory;
    private final CloudWatchLogsClientFactory clientFactory;
    private final Map<String, String> tags;
    private final String kmsKeyId;
    private final String logGroupClass;

    private EngineConfig(Builder b, String logStream, URI endpoint)
    {
        this.name = b.name;
        this.logGroup = b.logGroup;
        this.logStream = logStream;
        this.region = blankToNull(b.region);
        this.endpoint = endpoint;
        this.createLogGroup = b.createLogGroup;
        this.createLogStream = b.createLogStream;
        this.retentionDays = b.retentionDays;
        this.bufferSize = b.bufferSize;
        this.bufferBytes = b.bufferBytes;
        this.onBufferFull = b.onBufferFull;
        this.blockTimeoutMillis = b.blockTimeoutMillis;
        this.maxBatchEvents = b.maxBatchEvents;
        this.maxBatchBytes = b.maxBatchBytes;
        this.lingerMillis = b.lingerMillis;
        this.maxInFlight = b.maxInFlight;
        this.oversize = b.oversize;
        // An event must also fit in a batch on its own.
        this.maxEventBytes = Math.min(b.maxEventBytes, b.maxBatchBytes - EVENT_OVERHEAD_BYTES);
        this.retryTimeoutMillis = b.retryTimeoutMillis;
        this.shutdownTimeoutMillis = b.shutdownTimeoutMillis;
        this.requestTimeoutMillis = b.requestTimeoutMillis;
        this.retryBaseDelay = b.retryBaseDelay;
        this.retryMaxDelay = b.retryMaxDelay;
        this.client = b.client;
        this.credentialsProvider = b.credentialsProvider;
        this.profile = blankToNull(b.profile);
        this.roleArn = blankToNull(b.roleArn);
        this.roleSessionName = blankToNull(b.roleSessionName);
        this.externalId = blankToNull(b.externalId);
        this.credentialsProviderFactory = b.credentialsProviderFactory;
        this.clientFactory = b.clientFactory;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.kmsKeyId = blankToNull(b.kmsKeyId);
        this.logGroupClass = b.logGroupClass;
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public String name()
    {
        return name;
    }

    /** The log group as configured: its tokens are expanded by the engine, off the caller's thread. */
    public String logGroup()
    {
        return logGroup;
    }

    /**
     * The log stream name with the tokens known at configuration expanded; {@code {date}} and the metadata tokens
     * ({@code {ec2:...}}, {@code {ecs:...}}, {@code {aws:accountId}}) stay as written until the engine expands them
     * off the caller's thread.
     */
    public String logStream()
    {
        return logStream;
    }

    /** The configured region, or null to use the SDK's region chain. */
    public String region()
    {
        return region;
    }

    /** The configured endpoint override, or null for the SDK's default endpoint. */
    public URI endpoint()
    {
        return endpoint;
    }

    public boolean createLogGroup()
    {
        return createLogGroup;
    }

    public boolean createLogStream()
    {
        return createLogStream;
    }

    /** Retention to set on a log group this engine creates, or null to leave the service default. */
    public Integer retentionDays()
    {
        return retentionDays;
    }

    public int bufferSize()
    {
        return bufferSize;
    }

    /** The byte budget covering every event the engine holds; see {@link #DEFAULT_BUFFER_BYTES}. */
    public long bufferBytes()
    {
        return bufferBytes;
    }

    public OnBufferFull onBufferFull()
    {
        return onBufferFull;
    }

    public long blockTimeoutMillis()
    {
        return blockTimeoutMillis;
    }

    public int maxBatchEvents()
    {
        return maxBatchEvents;
    }

    public int maxBatchBytes()
    {
        return maxBatchBytes;
    }

    public long lingerMillis()
    {
        return lingerMillis;
    }

    public int maxInFlight()
    {
        return maxInFlight;
    }

    public OversizePolicy oversize()
    {
        return oversize;
    }

    /** The effective per-event limit: the configured one, never more than a batch can carry. */
    public int maxEventBytes()
    {
        return maxEventBytes;
    }

    public long retryTimeoutMillis()
    {
        return retryTimeoutMillis;
    }

    public long shutdownTimeoutMillis()
    {
        return shutdownTimeoutMillis;
    }

    public long requestTimeoutMillis()
    {
        return requestTimeoutMillis;
    }

    public Duration retryBaseDelay()
    {
        return retryBaseDelay;
    }

    public Duration retryMaxDelay()
    {
        return retryMaxDelay;
    }

    /** A caller-supplied client, or null to build one from region/endpoint/credentials. */
    public CloudWatchLogsClient client()
    {
        return client;
    }

    /** A caller-supplied credentials provider, or null for the SDK's default chain. */
    public AwsCredentialsProvider credentialsProvider()
    {
        return credentialsProvider;
    }

    /** The named profile to take credentials (and, with no {@code region}, the region) from; null for the chain. */
    public String profile()
    {
        return profile;
    }

    /** An IAM role to assume through STS with the base credentials, refreshed before it expires; or null. */
    public String roleArn()
    {
        return roleArn;
    }

    /** The session name for {@link #roleArn()}, or null for one made of the appender's name. */
    public String roleSessionName()
    {
        return roleSessionName;
    }

    /** The external id the role's trust policy asks for, or null. */
    public String externalId()
    {
        return externalId;
    }

    /** The user's factory named by the {@code credentialsProviderFactory} option, already created; or null. */
    public CredentialsProviderFactory credentialsProviderFactory()
    {
        return credentialsProviderFactory;
    }

    /** The user's client factory named by the {@code clientFactory} option, already created; or null. */
    public CloudWatchLogsClientFactory clientFactory()
    {
        return clientFactory;
    }

    /** Tags for a log group this engine creates, in the order written; empty for none. */
    public Map<String, String> tags()
    {
        return tags;
    }

    /** The KMS key ARN for a log group this engine creates, or null for the service's own encryption. */
    public String kmsKeyId()
    {
        return kmsKeyId;
    }

    /** {@code STANDARD} or {@code INFREQUENT_ACCESS} for a log group this engine creates, or null (STANDARD). */
    public String logGroupClass()
    {
        return logGroupClass;
    }

    @Override
    public String toString()
    {
        // Never prints credentials: the provider is named by its presence only. A StringBuilder rather than '+':
        // javac turns a concatenation of this many parts into an invokedynamic whose first call spins about ninety
        // method-handle classes (some 50 ms, and work queued for the JIT compiler) while the application starts.
        return new StringBuilder(768).append("EngineConfig{name=").append(name)
                .append(", logGroup=").append(logGroup)
                .append(", logStream=").append(logStream)
                .append(", region=").append(region)
                .append(", endpoint=").append(endpoint)
                .append(", createLogGroup=").append(createLogGroup)
                .append(", createLogStream=").append(createLogStream)
                .append(", retentionDays=").append(retentionDays)
                .append(", bufferSize=").append(bufferSize)
                .append(", bufferBytes=").append(bufferBytes)
                .append(", onBufferFull=").append(onBufferFull)
                .append(", blockTimeoutMillis=").append(blockTimeoutMillis)
                .append(", maxBatchEvents=").append(maxBatchEvents)
                .append(", maxBatchBytes=").append(maxBatchBytes)
                .append(", lingerMillis=").append(lingerMillis)
                .append(", maxInFlight=").append(maxInFlight)
                .append(", oversize=").append(oversize)
                .append(", maxEventBytes=").append(maxEventBytes)
                .append(", retryTimeoutMillis=").append(retryTimeoutMillis)
                .append(", shutdownTimeoutMillis=").append(shutdownTimeoutMillis)
                .append(", requestTimeoutMillis=").append(requestTimeoutMillis)
                .append(", client=").append(client == null ? "built-in" : "supplied")
                .append(", credentials=").append(credentialsProvider == null ? "default chain" : "supplied")
                .append(", profile=").append(profile)
                .append(", roleArn=").append(roleArn)
                .append(", roleSessionName=").append(roleSessionName)
                .append(", externalId=").append(externalId)
                .append(", credentialsProviderFactory=").append(classNameOf(credentialsProviderFactory))
                .append(", clientFactory=").append(classNameOf(clientFactory))
                .append(", tags=").append(tags)
                .append(", kmsKeyId=").append(kmsKeyId)
                .append(", logGroupClass=").append(logGroupClass)
                .append('}').toString();
    }

    private static String classNameOf(Object o)
    {
        return o == null ? null : o.getClass().getName();
    }

    private static String blankToNull(String s)
    {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }

    /**
     * Collects options in any order; {@link #build()} validates them all at once. Setters taking a String parse it
     * case-insensitively, so adapters can pass configuration text straight through.
     */
    public static final class Builder
    {
        private String name = "cloudwatch";
        private String logGroup;
        private String logStream = DEFAULT_LOG_STREAM;
        private String region;
        private String endpoint;
        private boolean createLogGroup = true;
        private boolean createLogStream = true;
        private Integer retentionDays;
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private long bufferBytes = DEFAULT_BUFFER_BYTES;
        private String bufferBytesText;
        private OnBufferFull onBufferFull = OnBufferFull.ADAPTIVE;
        private String onBufferFullText;
        private long blockTimeoutMillis = DEFAULT_BLOCK_TIMEOUT_MILLIS;
        private int maxBatchEvents = SERVICE_MAX_BATCH_EVENTS;
        private int maxBatchBytes = SERVICE_MAX_BATCH_BYTES;
        private long lingerMillis = DEFAULT_LINGER_MILLIS;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private OversizePolicy oversize = OversizePolicy.TRUNCATE;
        private String oversizeText;
        private int maxEventBytes = SERVICE_MAX_EVENT_BYTES;
        private long retryTimeoutMillis = DEFAULT_RETRY_TIMEOUT_MILLIS;
        private long shutdownTimeoutMillis = DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
        private long requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
        private Duration retryBaseDelay = Duration.ofMillis(200);
        private Duration retryMaxDelay = Duration.ofSeconds(10);
        private CloudWatchLogsClient client;
        private AwsCredentialsProvider credentialsProvider;
        private String profile;
        private String roleArn;
        private String roleSessionName;
        private String externalId;
        private String credentialsProviderFactoryClass;
        private CredentialsProviderFactory credentialsProviderFactory;
        private String clientFactoryClass;
        private CloudWatchLogsClientFactory clientFactory;
        private String tagsText;
        private Map<String, String> tags = new LinkedHashMap<>();
        private String kmsKeyId;
        private String logGroupClass;

        private Builder()
        {
        }

        /** The appender's name; it appears in thread names and every status message. */
        public Builder name(String name)
        {
            this.name = name;
            return this;
        }

        public Builder logGroup(String logGroup)
        {
            this.logGroup = logGroup;
            return this;
        }

        /**
         * The log stream; may use the tokens listed in docs/configuration.md (Names), such as {@code {hostname}},
         * {@code {date}} or {@code {ecs:taskId}}.
         * Default {@value EngineConfig#DEFAULT_LOG_STREAM}.
         */
        public Builder logStream(String logStream)
        {
            this.logStream = logStream;
            return this;
        }

        public Builder region(String region)
        {
            this.region = region;
            return this;
        }

        /** An endpoint override such as {@code http://127.0.0.1:4566}. */
        public Builder endpoint(String endpoint)
        {
            this.endpoint = endpoint;
            return this;
        }

        public Builder createLogGroup(boolean createLogGroup)
        {
            this.createLogGroup = createLogGroup;
            return this;
        }

        public Builder createLogStream(boolean createLogStream)
        {
            this.createLogStream = createLogStream;
            return this;
        }

        /** Retention set on a log group that this engine creates; null leaves it unset. */
        public Builder retentionDays(Integer retentionDays)
        {
            this.retentionDays = retentionDays;
            return this;
        }

        public Builder bufferSize(int bufferSize)
        {
            this.bufferSize = bufferSize;
            return this;
        }

        /** The byte budget for everything the engine holds; see {@link EngineConfig#DEFAULT_BUFFER_BYTES}. */
        public Builder bufferBytes(long bufferBytes)
        {
            this.bufferBytes = bufferBytes;
            this.bufferBytesText = null;
            return this;
        }

        /** A byte count such as {@code 67108864}, {@code 64MB}, {@code 512 KiB} or {@code 1g} (units of 1024). */
        public Builder bufferBytes(String bufferBytes)
        {
            this.bufferBytesText = bufferBytes;
            return this;
        }

        public Builder onBufferFull(OnBufferFull onBufferFull)
        {
            this.onBufferFull = onBufferFull;
            this.onBufferFullText = null;
            return this;
        }

        /** {@code ADAPTIVE}, {@code DROP} or {@code BLOCK}, any case. */
        public Builder onBufferFull(String onBufferFull)
        {
            this.onBufferFullText = onBufferFull;
            return this;
        }

        public Builder blockTimeoutMillis(long blockTimeoutMillis)
        {
            this.blockTimeoutMillis = blockTimeoutMillis;
            return this;
        }

        public Builder maxBatchEvents(int maxBatchEvents)
        {
            this.maxBatchEvents = maxBatchEvents;
            return this;
        }

        public Builder maxBatchBytes(int maxBatchBytes)
        {
            this.maxBatchBytes = maxBatchBytes;
            return this;
        }

        public Builder lingerMillis(long lingerMillis)
        {
            this.lingerMillis = lingerMillis;
            return this;
        }

        public Builder maxInFlight(int maxInFlight)
        {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public Builder oversize(OversizePolicy oversize)
        {
            this.oversize = oversize;
            this.oversizeText = null;
            return this;
        }

        /** {@code TRUNCATE}, {@code SPLIT} or {@code DROP}, any case. */
        public Builder oversize(String oversize)
        {
            this.oversizeText = oversize;
            return this;
        }

        public Builder maxEventBytes(int maxEventBytes)
        {
            this.maxEventBytes = maxEventBytes;
            return this;
        }

        public Builder retryTimeoutMillis(long retryTimeoutMillis)
        {
            this.retryTimeoutMillis = retryTimeoutMillis;
            return this;
        }

        public Builder shutdownTimeoutMillis(long shutdownTimeoutMillis)
        {
            this.shutdownTimeoutMillis = shutdownTimeoutMillis;
            return this;
        }

        /** Limit for one HTTP attempt of any call to the service. */
        public Builder requestTimeoutMillis(long requestTimeoutMillis)
        {
            this.requestTimeoutMillis = requestTimeoutMillis;
            return this;
        }

        /** First backoff step of the engine's own retries (full jitter, doubling up to {@link #retryMaxDelay}). */
        public Builder retryBaseDelay(Duration retryBaseDelay)
        {
            this.retryBaseDelay = Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
            return this;
        }

        public Builder retryMaxDelay(Duration retryMaxDelay)
        {
            this.retryMaxDelay = Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
            return this;
        }

        /**
         * A ready client to use instead of building one. The engine uses it as it is (its retry settings included)
         * and does not close it.
         */
        public Builder client(CloudWatchLogsClient client)
        {
            this.client = client;
            return this;
        }

        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider)
        {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** A named profile of the shared config and credentials files. */
        public Builder profile(String profile)
        {
            this.profile = profile;
            return this;
        }

        /** An IAM role ARN to assume through STS with the base credentials. */
        public Builder roleArn(String roleArn)
        {
            this.roleArn = roleArn;
            return this;
        }

        public Builder roleSessionName(String roleSessionName)
        {
            this.roleSessionName = roleSessionName;
            return this;
        }

        public Builder externalId(String externalId)
        {
            this.externalId = externalId;
            return this;
        }

        /**
         * The name of a class implementing {@link CredentialsProviderFactory} with a public no-argument constructor;
         * {@link #build()} loads and creates it.
         */
        public Builder credentialsProviderFactory(String className)
        {
            this.credentialsProviderFactoryClass = className;
            return this;
        }

        /**
         * The name of a class implementing {@link CloudWatchLogsClientFactory} with a public no-argument constructor;
         * {@link #build()} loads and creates it.
         */
        public Builder clientFactory(String className)
        {
            this.clientFactoryClass = className;
            return this;
        }

        /** Tags for a log group the engine creates, as {@code key=value,key2=value2}. */
        public Builder tags(String tags)
        {
            this.tagsText = tags;
            return this;
        }

        public Builder tags(Map<String, String> tags)
        {
            this.tags = new LinkedHashMap<>(Objects.requireNonNull(tags, "tags"));
            this.tagsText = null;
            return this;
        }

        /** A KMS key ARN to encrypt a log group the engine creates. */
        public Builder kmsKeyId(String kmsKeyId)
        {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        /** {@code STANDARD} or {@code INFREQUENT_ACCESS}, any case, for a log group the engine creates. */
        public Builder logGroupClass(String logGroupClass)
        {
            this.logGroupClass = logGroupClass;
            return this;
        }

        /**
         * Checks every option and builds the configuration.
         *
         * @throws InvalidConfigurationException listing every wrong option and what to write instead
         */
        public EngineConfig build()
        {
            List<String> problems = new ArrayList<>();
            checkLogGroup(problems);
            String stream = checkLogStream(problems);
            URI endpointUri = checkEndpoint(problems);
            checkRegion(problems);
            checkCredentials(problems);
            checkLogGroupSettings(problems);
            parseEnums(problems);
            if (retentionDays != null && !ALLOWED_RETENTION_DAYS.contains(retentionDays))
            {
                problems.add("retentionDays must be one of " + ALLOWED_RETENTION_DAYS + "; got " + retentionDays);
            }
            if (bufferSize < MIN_BUFFER_SIZE || bufferSize > MAX_BUFFER_SIZE || Integer.bitCount(bufferSize) != 1)
            {
                problems.add("bufferSize must be a power of two from " + MIN_BUFFER_SIZE + " to " + MAX_BUFFER_SIZE
                        + ", for example " + DEFAULT_BUFFER_SIZE + "; got " + bufferSize);
            }
            parseBufferBytes(problems);
            requireAtLeast(problems, "blockTimeoutMillis", blockTimeoutMillis, 0, DEFAULT_BLOCK_TIMEOUT_MILLIS);
            requireRange(problems, "maxBatchEvents", maxBatchEvents, 1, SERVICE_MAX_BATCH_EVENTS);
            requireRange(problems, "maxBatchBytes", maxBatchBytes, EVENT_OVERHEAD_BYTES + MIN_EVENT_BYTES,
                    SERVICE_MAX_BATCH_BYTES);
            requireAtLeast(problems, "lingerMillis", lingerMillis, 0, DEFAULT_LINGER_MILLIS);
            requireRange(problems, "maxInFlight", maxInFlight, 1, MAX_IN_FLIGHT_LIMIT);
            requireRange(problems, "maxEventBytes", maxEventBytes, MIN_EVENT_BYTES, SERVICE_MAX_EVENT_BYTES);
            requireAtLeast(problems, "retryTimeoutMillis", retryTimeoutMillis, 0, DEFAULT_RETRY_TIMEOUT_MILLIS);
            requireAtLeast(problems, "shutdownTimeoutMillis", shutdownTimeoutMillis, 0,
                    DEFAULT_SHUTDOWN_TIMEOUT_MILLIS);
            requireAtLeast(problems, "requestTimeoutMillis", requestTimeoutMillis, 1, DEFAULT_REQUEST_TIMEOUT_MILLIS);
            if (retryBaseDelay.isNegative() || retryMaxDelay.compareTo(retryBaseDelay) < 0)
            {
                problems.add("retryBaseDelay must be >= 0 and retryMaxDelay >= retryBaseDelay");
            }
            if (!problems.isEmpty())
            {
                throw new InvalidConfigurationException(problems);
            }
            return new EngineConfig(this, stream, endpointUri);
        }

        private void checkLogGroup(List<String> problems)
        {
            // Tokens stay as written: they are expanded off the caller's thread, see ConfiguredNames.
            ConfiguredNames.checkLogGroup(logGroup, problems);
        }

        private String checkLogStream(List<String> problems)
        {
            // Expands the tokens known now; {date} and metadata tokens stay, see ConfiguredNames.
            return ConfiguredNames.logStream(logStream, problems);
        }

        private void checkRegion(List<String> problems)
        {
            String text = blankToNull(region);
            if (text == null)
            {
                return;
            }
            if (!Region.regions().contains(Region.of(text)) && !REGION_NAME.matcher(text).matches())
            {
                problems.add("region must be an AWS region name such as eu-west-1, us-east-1 or us-gov-west-1; got '"
                        + text + "'");
            }
        }

        private void checkCredentials(List<String> problems)
        {
            String role = blankToNull(roleArn);
            if (role != null && !ROLE_ARN.matcher(role).matches())
            {
                problems.add("roleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/log-writer; got '"
                        + role + "'");
            }
            String session = blankToNull(roleSessionName);
            if (session != null && !ROLE_SESSION_NAME.matcher(session).matches())
            {
                problems.add("roleSessionName must be 2-64 characters of letters, digits and _ + = , . @ -, for"
                        + " example my-service; got '" + session + "'");
            }
            String external = blankToNull(externalId);
            if (external != null && !EXTERNAL_ID.matcher(external).matches())
            {
                problems.add("externalId must be 2-1224 characters of letters, digits and _ + = , . @ : / -; got '"
                        + external + "'");
            }
            if (role == null && (session != null || external != null))
            {
                problems.add("roleSessionName and externalId are used only with roleArn: set roleArn as well, or"
                        + " remove them");
            }
            String factory = blankToNull(credentialsProviderFactoryClass);
            if (factory != null)
            {
                if (blankToNull(profile) != null)
                {
                    problems.add("set either profile or credentialsProviderFactory, not both");
                }
                credentialsProviderFactory = UserFactories.create("credentialsProviderFactory", factory,
                        CredentialsProviderFactory.class, problems);
            }
            String clientClass = blankToNull(clientFactoryClass);
            if (clientClass != null)
            {
                if (blankToNull(profile) != null || role != null || factory != null)
                {
                    problems.add("clientFactory builds the whole client, credentials included: remove profile, roleArn"
                            + " and credentialsProviderFactory, or clientFactory");
                }
                clientFactory = UserFactories.create("clientFactory", clientClass, CloudWatchLogsClientFactory.class,
                        problems);
            }
        }

        private void checkLogGroupSettings(List<String> problems)
        {
            if (tagsText != null)
            {
                tags = LogGroupTags.parse(tagsText, problems);
            }
            else
            {
                LogGroupTags.check(tags, problems);
            }
            String key = blankToNull(kmsKeyId);
            if (key != null && !KMS_KEY_ARN.matcher(key).matches())
            {
                problems.add("kmsKeyId must be the ARN of a KMS key, such as"
                        + " arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab; got '" + key
                        + "'");
            }
            String groupClass = blankToNull(logGroupClass);
            if (groupClass == null)
            {
                logGroupClass = null;
            }
            else if (LOG_GROUP_CLASSES.contains(groupClass.toUpperCase(Locale.ROOT)))
            {
                logGroupClass = groupClass.toUpperCase(Locale.ROOT);
            }
            else
            {
                problems.add("logGroupClass must be one of " + LOG_GROUP_CLASSES + "; got '" + groupClass + "'");
            }
        }

        private URI checkEndpoint(List<String> problems)
        {
            String text = blankToNull(endpoint);
            if (text == null)
            {
                return null;
            }
            try
            {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null)
                {
                    return uri;
                }
            }
            catch (java.net.URISyntaxException e)
            {
                // reported below
            }
            problems.add("endpoint must be an http or https URL such as https://logs.eu-west-1.amazonaws.com"
                    + " or http://127.0.0.1:4566; got '" + text + "'");
            return null;
        }

        private void parseBufferBytes(List<String> problems)
        {
            if (bufferBytesText != null)
            {
                long parsed = ByteSize.parse(bufferBytesText);
                if (parsed < 0)
                {
                    problems.add("bufferBytes must be a byte count such as 64MB, 512KB or 67108864; got '"
                            + bufferBytesText + "'");
                    return;
                }
                bufferBytes = parsed;
            }
            if (bufferBytes < MIN_BUFFER_BYTES)
            {
                problems.add("bufferBytes must be at least " + MIN_BUFFER_BYTES + " (2MB), for example 64MB; got "
                        + bufferBytes);
            }
        }

        private void parseEnums(List<String> problems)
        {
            if (onBufferFullText != null)
            {
                try
                {
                    onBufferFull = OnBufferFull.valueOf(onBufferFullText.trim().toUpperCase(Locale.ROOT));
                }
                catch (IllegalArgumentException e)
                {
                    problems.add("onBufferFull must be one of " + Arrays.toString(OnBufferFull.values()) + "; got '"
                            + onBufferFullText + "'");
                }
            }
            if (oversizeText != null)
            {
                try
                {
                    oversize = OversizePolicy.valueOf(oversizeText.trim().toUpperCase(Locale.ROOT));
                }
                catch (IllegalArgumentException e)
                {
                    problems.add("oversize must be one of " + Arrays.toString(OversizePolicy.values()) + "; got '"
                            + oversizeText + "'");
                }
            }
            if (onBufferFull == null)
            {
                problems.add("onBufferFull must be one of " + Arrays.toString(OnBufferFull.values()));
            }
            if (oversize == null)
            {
                problems.add("oversize must be one of " + Arrays.toString(OversizePolicy.values()));
            }
        }

        private static void requireRange(List<String> problems, String option, long value, long min, long max)
        {
            if (value < min || value > max)
            {
                problems.add(option + " must be from " + min + " to " + max + "; got " + value);
            }
        }

        private static void requireAtLeast(List<String> problems, String option, long value, long min, long example)
        {
            if (value < min)
            {
                problems.add(option + " must be at least " + min + ", for example " + example + "; got " + value);
            }
        }
    }
}
