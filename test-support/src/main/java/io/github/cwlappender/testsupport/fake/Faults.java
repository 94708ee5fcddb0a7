package io.github.cwlappender.testsupport.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * What goes wrong on a {@link StrictCloudWatchLogsServer}, scripted per test:
 *
 * <pre>
 * server.faults().seed(42).throttleRate(0.3).serverErrorRate(0.2);
 * server.faults().next(FaultKind.RESPONSE_LOST, 1);
 * server.faults().outageFor(Duration.ofSeconds(2));
 * </pre>
 *
 * <p>Rates and {@link #next} apply to the targeted operations, PutLogEvents unless {@link #onAllOperations()} or
 * {@link #onOperations} says otherwise. Each targeted request draws one number from a generator seeded by
 * {@link #seed} (1 by default), so a given seed gives the same sequence of faults for the same sequence of requests.
 * Outages and {@link #rejectCredentials} hit every operation. Rates are exclusive: their sum is at most 1.
 *
 * <p>Transport faults close the connection before any response byte. The SDK's URL-connection client sends in
 * fixed-length streaming mode, in which the JDK never resends a POST by itself, so each such fault reaches the SDK
 * once, as an {@code IOException}. (A plain {@code HttpURLConnection} without streaming mode would resend it once,
 * silently.) The fake counts every request it receives.
 *
 * <p>Thread-safe.
 */
public final class Faults
{
    /** What the HTTP layer does with one request. */
    enum Action
    {
        NONE, THROTTLE, SERVER_ERROR, RESET, RESPONSE_LOST, CREDENTIALS
    }

    /** The decision for one request: an action and how long to hold back the response. */
    static final class Injection
    {
        static final Injection NONE = new Injection(Action.NONE, 0);

        final Action action;
        final long delayMillis;

        Injection(Action action, long delayMillis)
        {
            this.action = action;
            this.delayMillis = delayMillis;
        }
    }

    private static final long DEFAULT_SEED = 1;
    private static final Set<String> DEFAULT_TARGETS = Set.of(LogsOperations.PUT_LOG_EVENTS);

    private final LogStore store;
    private final Map<FaultKind, Long> injected = new EnumMap<>(FaultKind.class);
    private final Deque<FaultKind> scripted = new ArrayDeque<>();
    private Random random = new Random(DEFAULT_SEED);
    private long seed = DEFAULT_SEED;
    private Set<String> targets = DEFAULT_TARGETS;
    private double throttleRate;
    private double serverErrorRate;
    private double connectionResetRate;
    private double responseLostRate;
    private long delayMillis;
    private long outageUntilNanos;
    private boolean outageActive;
    private boolean outageAsServerError;
    private boolean rejectCredentials;
    private long longestRunNanos = Long.MAX_VALUE;
    private boolean inRun;
    private long runStartNanos;

    Faults(LogStore store)
    {
        this.store = store;
    }

    /** Restarts the fault sequence from this seed. */
    public synchronized Faults seed(long seed)
    {
        this.seed = seed;
        this.random = new Random(seed);
        return this;
    }

    /** Share of targeted requests answered {@code ThrottlingException} (HTTP 400). */
    public synchronized Faults throttleRate(double rate)
    {
        checkRates(rate, serverErrorRate, connectionResetRate, responseLostRate);
        throttleRate = rate;
        return this;
    }

    /** Share of targeted requests answered {@code ServiceUnavailableException} (HTTP 500). */
    public synchronized Faults serverErrorRate(double rate)
    {
        checkRates(throttleRate, rate, connectionResetRate, responseLostRate);
        serverErrorRate = rate;
        return this;
    }

    /** Share of targeted requests whose connection is closed mid-request, before they take effect. */
    public synchronized Faults connectionResetRate(double rate)
    {
        checkRates(throttleRate, serverErrorRate, rate, responseLostRate);
        connectionResetRate = rate;
        return this;
    }

    /** Share of targeted requests that take effect and then lose their response (the connection is closed). */
    public synchronized Faults responseLostRate(double rate)
    {
        checkRates(throttleRate, serverErrorRate, connectionResetRate, rate);
        responseLostRate = rate;
        return this;
    }

    /**
     * Faults drawn by rate never follow one another for longer than this: once they have, the next targeted request
     * is served. An endpoint that pushes back but keeps letting calls through, unlike one that is down; without this
     * a seeded rate can draw a run of faults that, with the client's backoff between them, lasts seconds.
     */
    public synchronized Faults longestRunOfFaults(Duration longest)
    {
        longestRunNanos = longest.toNanos();
        return this;
    }

    /**
     * The next {@code times} targeted requests fail this way, before any rate applies. Kinds: THROTTLING,
     * SERVER_ERROR, CONNECTION_RESET, RESPONSE_LOST, CREDENTIALS.
     */
    public synchronized Faults next(FaultKind kind, int times)
    {
        Objects.requireNonNull(kind, "kind");
        if (kind == FaultKind.SLOW_RESPONSE || kind == FaultKind.OUTAGE)
        {
            throw new IllegalArgumentException(kind + " cannot be scripted per request; use slowResponses(...) or"
                    + " outageFor(...)/unavailableFor(...)");
        }
        if (times < 0)
        {
            throw new IllegalArgumentException("times must be >= 0; got " + times);
        }
        for (int i = 0; i < times; i++)
        {
            scripted.add(kind);
        }
        return this;
    }

    /** Every targeted request takes effect, then its response waits this long ({@link Duration#ZERO}: off). */
    public synchronized Faults slowResponses(Duration delay)
    {
        if (delay.isNegative())
        {
            throw new IllegalArgumentException("delay must be >= 0; got " + delay);
        }
        delayMillis = delay.toMillis();
        return this;
    }

    /**
     * For this long from now, every request of any operation fails at transport level: the connection is closed
     * without a response.
     */
    public synchronized Faults outageFor(Duration duration)
    {
        return outage(duration, false);
    }

    /** For this long from now, every request of any operation is answered 503 {@code ServiceUnavailableException}. */
    public synchronized Faults unavailableFor(Duration duration)
    {
        return outage(duration, true);
    }

    private Faults outage(Duration duration, boolean asServerError)
    {
        outageActive = !duration.isNegative() && !duration.isZero();
        outageUntilNanos = System.nanoTime() + duration.toNanos();
        outageAsServerError = asServerError;
        return this;
    }

    /** While enabled, every request of any operation is answered {@code UnrecognizedClientException} (HTTP 400). */
    public synchronized Faults rejectCredentials(boolean enabled)
    {
        rejectCredentials = enabled;
        return this;
    }

    /**
     * Deletes the log stream now, as someone else might between two calls; the next put finds it missing.
     *
     * @throws IllegalStateException when the group or stream does not exist
     */
    public Faults deleteStream(String group, String stream)
    {
        try
        {
            store.deleteStream(group, stream);
        }
        catch (ServiceError e)
        {
            throw new IllegalStateException("cannot delete " + group + "/" + stream + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Rates, {@link #next} and slow responses apply to every operation, not only PutLogEvents. */
    public synchronized Faults onAllOperations()
    {
        targets = LogsOperations.ALL;
        return this;
    }

    /** Rates, {@link #next} and slow responses apply to these operations only, e.g. "CreateLogStream". */
    public synchronized Faults onOperations(String... operations)
    {
        Set<String> chosen = new HashSet<>(Arrays.asList(operations));
        if (!LogsOperations.ALL.containsAll(chosen))
        {
            throw new IllegalArgumentException("unknown operation among " + chosen + "; known: " + LogsOperations.ALL);
        }
        targets = Set.copyOf(chosen);
        return this;
    }

    /** No faults from now on; targets back to PutLogEvents, fault sequence restarted from the seed. */
    public synchronized Faults clear()
    {
        throttleRate = 0;
        serverErrorRate = 0;
        connectionResetRate = 0;
        responseLostRate = 0;
        delayMillis = 0;
        outageActive = false;
        rejectCredentials = false;
        longestRunNanos = Long.MAX_VALUE;
        inRun = false;
        scripted.clear();
        targets = DEFAULT_TARGETS;
        random = new Random(seed);
        return this;
    }

    /** How many requests this kind of fault has hit so far. */
    public synchronized long injected(FaultKind kind)
    {
        return injected.getOrDefault(kind, 0L);
    }

    /** Decides the fate of one request; called once per request received. */
    synchronized Injection decide(String operation)
    {
        if (outageActive && System.nanoTime() - outageUntilNanos < 0)
        {
            count(FaultKind.OUTAGE);
            return new Injection(outageAsServerError ? Action.SERVER_ERROR : Action.RESET, 0);
        }
        outageActive = false;
        if (rejectCredentials)
        {
            count(FaultKind.CREDENTIALS);
            return new Injection(Action.CREDENTIALS, 0);
        }
        if (!targets.contains(operation))
        {
            return Injection.NONE;
        }
        // One draw per targeted request, scripted or not, keeps the sequence tied to the request count.
        double draw = random.nextDouble();
        FaultKind kind = scripted.isEmpty() ? endRunIfTooLong(byRate(draw)) : scripted.poll();
        long delay = 0;
        if (delayMillis > 0)
        {
            count(FaultKind.SLOW_RESPONSE);
            delay = delayMillis;
        }
        if (kind == null)
        {
            return delay == 0 ? Injection.NONE : new Injection(Action.NONE, delay);
        }
        count(kind);
        return new Injection(action(kind), delay);
    }

    private FaultKind endRunIfTooLong(FaultKind drawn)
    {
        long now = System.nanoTime();
        if (drawn == null || (inRun && now - runStartNanos >= longestRunNanos))
        {
            inRun = false;
            return null;
        }
        if (!inRun)
        {
            inRun = true;
            runStartNanos = now;
        }
        return drawn;
    }

    private FaultKind byRate(double draw)
    {
        double bound = throttleRate;
        if (draw < bound)
        {
            return FaultKind.THROTTLING;
        }
        bound += serverErrorRate;
        if (draw < bound)
        {
            return FaultKind.SERVER_ERROR;
        }
        bound += connectionResetRate;
        if (draw < bound)
        {
            return FaultKind.CONNECTION_RESET;
        }
        bound += responseLostRate;
        return draw < bound ? FaultKind.RESPONSE_LOST : null;
    }

    private static Action action(FaultKind kind)
    {
        switch (kind)
        {
            case THROTTLING:
                return Action.THROTTLE;
            case SERVER_ERROR:
                return Action.SERVER_ERROR;
            case CONNECTION_RESET:
                return Action.RESET;
            case RESPONSE_LOST:
                return Action.RESPONSE_LOST;
            case CREDENTIALS:
                return Action.CREDENTIALS;
            default:
                throw new IllegalStateException("not a per-request fault: " + kind);
        }
    }

    private void count(FaultKind kind)
    {
        injected.merge(kind, 1L, Long::sum);
    }

    private static void checkRates(double... rates)
    {
        double sum = 0;
        for (double r : rates)
        {
            if (!(r >= 0 && r <= 1))
            {
                throw new IllegalArgumentException("a fault rate must be from 0 to 1; got " + r);
            }
            sum += r;
        }
        if (sum > 1 + 1e-9)
        {
            throw new IllegalArgumentException("fault rates are exclusive shares of the requests and may add up to"
                    + " at most 1; got " + sum);
        }
    }
}
