package io.github.cwlappender.testsupport.fake;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * A CloudWatch Logs endpoint on 127.0.0.1 that enforces every rule of the real service exactly
 * (shared/docs/cloudwatch-logs-rules.md), records every event it stores, counts every request by outcome, and
 * fails on demand through {@link #faults()}.
 *
 * <p>Speaks AWS JSON 1.1 for CreateLogGroup, DeleteLogGroup, CreateLogStream, DeleteLogStream, PutRetentionPolicy,
 * PutLogEvents, GetLogEvents and DescribeLogStreams. Requests must be signed (any keys will do). Message strings are
 * measured in UTF-8 bytes of the decoded text; a message holding a lone surrogate (sent as a bare {@code \uD800}
 * escape) is counted in {@link #invalidUtf16Messages()}.
 *
 * <pre>
 * try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
 * {
 *     EngineConfig config = EngineConfig.builder().endpoint(server.endpoint()).region(server.region())
 *             .credentialsProvider(server.credentials())...;
 *     ...
 *     assertThat(server.wholeRequestRejections()).isZero();
 * }
 * </pre>
 *
 * <p>Thread-safe; serves requests in parallel.
 */
public final class StrictCloudWatchLogsServer implements AutoCloseable
{
    public static final String REGION = "us-east-1";

    public static final String CREATE_LOG_GROUP = LogsOperations.CREATE_LOG_GROUP;
    public static final String DELETE_LOG_GROUP = LogsOperations.DELETE_LOG_GROUP;
    public static final String CREATE_LOG_STREAM = LogsOperations.CREATE_LOG_STREAM;
    public static final String DELETE_LOG_STREAM = LogsOperations.DELETE_LOG_STREAM;
    public static final String PUT_RETENTION_POLICY = LogsOperations.PUT_RETENTION_POLICY;
    public static final String PUT_LOG_EVENTS = LogsOperations.PUT_LOG_EVENTS;
    public static final String GET_LOG_EVENTS = LogsOperations.GET_LOG_EVENTS;
    public static final String DESCRIBE_LOG_STREAMS = LogsOperations.DESCRIBE_LOG_STREAMS;

    /** Outcome of a request answered with HTTP 200. Error outcomes are the error code, e.g. "ThrottlingException". */
    public static final String OK = AwsJsonHandler.OK;
    /** Outcome of a request whose connection was closed before it took effect. */
    public static final String CONNECTION_RESET = AwsJsonHandler.CONNECTION_RESET;
    /** Outcome of a request that took effect and whose connection was then closed without a response. */
    public static final String RESPONSE_LOST = AwsJsonHandler.RESPONSE_LOST;

    private static final String ACCESS_KEY = "AKIDSTRICTFAKE";
    private static final String SECRET_KEY = "strict-fake-secret-not-real";
    private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    private static final AtomicInteger SERVERS = new AtomicInteger();

    static
    {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, every response
        // then waits for the client's delayed ACK (about 40 ms). Read once, when the JDK server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null)
        {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final LoopbackHttpServer http;
    private final LogStore store;
    private final RequestCounts counts = new RequestCounts();
    private final Set<String> accessKeyIds = ConcurrentHashMap.newKeySet();
    private final Set<String> signingRegions = ConcurrentHashMap.newKeySet();
    private final Faults faults;
    private final LogsOperations operations;
    private volatile Clock clock = Clock.systemUTC();
    private CloudWatchLogsClient client;
    private boolean stopped;

    private StrictCloudWatchLogsServer(boolean keepEvents)
    {
        this.store = new LogStore(keepEvents);
        this.faults = new Faults(store);
        this.operations = new LogsOperations(store, () -> clock);
        this.http = LoopbackHttpServer.start("strict-cwl-" + SERVERS.incrementAndGet(),
                "the strict CloudWatch Logs fake", new AwsJsonHandler(operations, faults, counts, accessKeyIds,
                        signingRegions, new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY))));
    }

    /** Starts a server on a free port of 127.0.0.1, empty and without faults. */
    public static StrictCloudWatchLogsServer start()
    {
        return new StrictCloudWatchLogsServer(true);
    }

    /**
     * Starts a server that checks every request as strictly as {@link #start()}'s and counts what it stores
     * ({@link #storedEventCount()}, {@link #storedMessageBytes()}, DescribeLogStreams) without keeping the events: for
     * load runs, where millions of kept events would make this JVM's garbage collector compete for the CPU with the
     * system being measured. Whatever reads the events themselves ({@link #storedEvents()}, GetLogEvents,
     * {@link #lostResponseEvents()}) fails with {@link IllegalStateException}.
     */
    public static StrictCloudWatchLogsServer startCounting()
    {
        return new StrictCloudWatchLogsServer(false);
    }

    /** {@code http://127.0.0.1:PORT}, for {@code endpointOverride} or the engine's {@code endpoint}. */
    public String endpoint()
    {
        return "http://127.0.0.1:" + port();
    }

    public URI endpointUri()
    {
        return URI.create(endpoint());
    }

    public int port()
    {
        return http.port();
    }

    public String region()
    {
        return REGION;
    }

    /** Dummy static keys; the fake checks that requests are signed, not by whom. */
    public AwsCredentialsProvider credentials()
    {
        return CREDENTIALS;
    }

    /**
     * A client for this server (URL-connection HTTP client, SDK retries off so every fault is visible once), closed
     * by {@link #stop()}.
     */
    public synchronized CloudWatchLogsClient client()
    {
        if (client == null)
        {
            client = CloudWatchLogsClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(endpointUri())
                    .region(Region.of(REGION))
                    .credentialsProvider(CREDENTIALS)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
        }
        return client;
    }

    /** The fault script of this server. */
    public Faults faults()
    {
        return faults;
    }

    /** The clock behind "too old", "too new", "expired", creation and ingestion times. Default: the system's. */
    public void setClock(Clock clock)
    {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Clock clock()
    {
        return clock;
    }

    /**
     * Creates a log group directly, without a request (no faults, not counted).
     *
     * @throws IllegalArgumentException for a name the service refuses
     * @throws IllegalStateException when the group exists already
     */
    public void createLogGroup(String group)
    {
        direct(() -> {
            NameRules.checkLogGroupName(group);
            store.createGroup(group, clock.millis());
        });
    }

    /**
     * Creates a log stream directly, without a request (no faults, not counted).
     *
     * @throws IllegalArgumentException for a name the service refuses
     * @throws IllegalStateException when the group is missing or the stream exists already
     */
    public void createLogStream(String group, String stream)
    {
        direct(() -> {
            NameRules.checkLogStreamName(stream);
            store.createStream(group, stream, clock.millis());
        });
    }

    // Direct calls are test set-up: a refusal is the test's mistake, reported with the service's words.
    private static void direct(Runnable call)
    {
        try
        {
            call.run();
        }
        catch (ServiceError e)
        {
            String text = e.code() + ": " + e.getMessage();
            throw ServiceError.INVALID_PARAMETER.equals(e.code()) ? new IllegalArgumentException(text, e)
                    : new IllegalStateException(text, e);
        }
    }

    public boolean hasLogGroup(String group)
    {
        return store.groupExists(group);
    }

    public boolean hasLogStream(String group, String stream)
    {
        return store.streamExists(group, stream);
    }

    /**
     * The group's retention in days, or null when it keeps events forever.
     *
     * @throws IllegalStateException when the group does not exist
     */
    public Integer retentionDays(String group)
    {
        Integer[] days = new Integer[1];
        direct(() -> days[0] = store.retentionDays(group));
        return days[0];
    }

    /**
     * The tags, KMS key and class the group was created with (all empty or null for a group created without them).
     *
     * @throws IllegalStateException when the group does not exist
     */
    public LogGroupSettings logGroupSettings(String group)
    {
        LogGroupSettings[] settings = new LogGroupSettings[1];
        direct(() -> settings[0] = store.settings(group));
        return settings[0];
    }

    /** The access key ids that signed the requests received so far (from each request's Authorization header). */
    public Set<String> accessKeyIds()
    {
        return Set.copyOf(accessKeyIds);
    }

    /**
     * From now on, refuses CreateLogGroup requests that carry tags with AccessDeniedException, as the service does
     * for a caller without {@code logs:TagResource}; without tags they still succeed.
     */
    public void denyTagging()
    {
        operations.denyTagging(true);
    }

    /**
     * From now on, refuses as a whole, with InvalidParameterException, every PutLogEvents request that holds an
     * event whose message contains {@code marker}: a poison event that a sender must isolate and drop.
     */
    public void refuseEventsContaining(String marker)
    {
        operations.refuseEventsContaining(marker);
    }

    /** The regions in the signatures of the requests received so far: the region each client was built for. */
    public Set<String> signingRegions()
    {
        return Set.copyOf(signingRegions);
    }

    /**
     * How many events {@link #storedEvents()} would list, without copying the list: for polling while millions
     * arrive (the copy holds the store's lock, which the request handlers need).
     */
    public long storedEventCount()
    {
        return store.storedCount();
    }

    /** The UTF-8 bytes of the messages of every event stored so far. */
    public long storedMessageBytes()
    {
        return store.storedMessageBytes();
    }

    /** Every event stored so far, in arrival order, across all groups and streams (deleted ones included). */
    public List<StoredEvent> storedEvents()
    {
        return store.record();
    }

    /** The events stored so far into one stream, in arrival order (including before a deletion of the stream). */
    public List<StoredEvent> storedEvents(String group, String stream)
    {
        return store.record(group, stream);
    }

    /** Events stored by requests whose response was then dropped ({@link FaultKind#RESPONSE_LOST}). */
    public long lostResponseEvents()
    {
        long n = 0;
        for (StoredEvent e : store.record())
        {
            if (e.responseLost())
            {
                n++;
            }
        }
        return n;
    }

    /** Events refused one by one (reported in {@code rejectedLogEventsInfo}), for this reason. */
    public long rejectedEvents(EventRejection reason)
    {
        return store.rejected(reason);
    }

    /** Requests received for an operation, whatever their outcome. */
    public long requests(String operation)
    {
        return counts.get(operation);
    }

    /** Requests received for an operation with this outcome: {@link #OK}, an error code, {@link #CONNECTION_RESET}... */
    public long requests(String operation, String outcome)
    {
        return counts.get(operation, outcome);
    }

    /** Every count, keyed "Operation Outcome", e.g. "PutLogEvents ThrottlingException". */
    public Map<String, Long> requestCounts()
    {
        return counts.snapshot();
    }

    /** PutLogEvents requests refused as a whole with {@code InvalidParameterException}: a correct sender has none. */
    public long wholeRequestRejections()
    {
        return counts.get(PUT_LOG_EVENTS, ServiceError.INVALID_PARAMETER);
    }

    /** PutLogEvents messages received that were not well-formed UTF-16 (a lone surrogate escape). */
    public long invalidUtf16Messages()
    {
        return operations.invalidUtf16Messages();
    }

    /** Stops serving at once; requests in progress are cut off. Idempotent. */
    public void stop()
    {
        synchronized (this)
        {
            if (stopped)
            {
                return;
            }
            stopped = true;
            if (client != null)
            {
                client.close();
            }
        }
        http.close();
    }

    @Override
    public void close()
    {
        stop();
    }

    @Override
    public String toString()
    {
        return "StrictCloudWatchLogsServer[" + endpoint() + "]";
    }
}
