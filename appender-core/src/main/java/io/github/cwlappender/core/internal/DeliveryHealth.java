package io.github.cwlappender.core.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether delivery is healthy right now, which decides what {@code ADAPTIVE} does with a full buffer.
 *
 * <p>States and transitions:
 * <ul>
 *   <li><b>healthy</b> at start, and again after any successful call to the service;</li>
 *   <li><b>failing</b> at once after a call that could not reach the service (connection refused or reset, no
 *       route, timeout), refused credentials or a client that cannot be built, with no success since;</li>
 *   <li><b>failing</b> once the service has answered every call with throttling or a server error for longer than
 *       the grace window, with no success since the first of them. Until then it is only pushing back: other calls
 *       still succeed, every batch gets in after a retry, and a full buffer should slow the logging, not lose it;</li>
 *   <li><b>failing</b> also while a call has been outstanding longer than the grace window with no success since
 *       it started: an endpoint that accepts connections and never answers.</li>
 * </ul>
 * A turn to failing wakes the threads waiting for buffer room, so they drop at once instead of waiting out
 * their timeout.
 */
final class DeliveryHealth
{
    /**
     * How long a call may go unanswered, or the service refuse every call, before delivery counts as failing. Well
     * above a healthy PutLogEvents round trip (tens to a few hundred milliseconds) and a few retries of a throttled
     * batch, well below the request timeout.
     */
    static final long GRACE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final long graceNanos;
    private final Runnable onTurnedFailing;
    private final Map<Thread, Long> callsInProgress = new HashMap<>();
    private long lastSuccessNanos;
    // Volatile so that the threads dropping during an outage read it without taking the lock.
    private volatile boolean failed;
    private String reason;
    private boolean refusing;
    private long firstRefusalNanos;
    private String refusal;

    DeliveryHealth(long graceNanos, Runnable onTurnedFailing)
    {
        this.graceNanos = graceNanos;
        this.onTurnedFailing = onTurnedFailing;
        this.lastSuccessNanos = System.nanoTime();
    }

    /** The current thread starts a call to the service. */
    synchronized void callStarted()
    {
        callsInProgress.put(Thread.currentThread(), System.nanoTime());
    }

    /** The current thread's call ended, whatever its outcome. */
    synchronized void callEnded()
    {
        callsInProgress.remove(Thread.currentThread());
    }

    synchronized void succeeded()
    {
        lastSuccessNanos = System.nanoTime();
        failed = false;
        reason = null;
        refusing = false;
        refusal = null;
    }

    /** The service answered, with throttling or a server error: pushing back, failing only if it lasts. */
    synchronized void refused(String why)
    {
        if (!refusing)
        {
            refusing = true;
            firstRefusalNanos = System.nanoTime();
        }
        refusal = why;
    }

    /** The service could not be reached, refused the credentials, or the client cannot be built. */
    void failed(String why)
    {
        boolean turned;
        synchronized (this)
        {
            turned = !failed;
            failed = true;
            reason = why;
        }
        if (turned)
        {
            onTurnedFailing.run();
        }
    }

    boolean isHealthy()
    {
        return !failed && whyFailing() == null;
    }

    /** Null while healthy, else what makes delivery count as failing. */
    synchronized String whyFailing()
    {
        if (failed)
        {
            return reason;
        }
        long now = System.nanoTime();
        if (refusing && now - firstRefusalNanos > graceNanos)
        {
            return "the service refused every call for " + TimeUnit.NANOSECONDS.toMillis(now - firstRefusalNanos)
                    + " ms: " + refusal;
        }
        for (long started : callsInProgress.values())
        {
            if (now - started > graceNanos && started - lastSuccessNanos >= 0)
            {
                return "no answer from the service for " + TimeUnit.NANOSECONDS.toMillis(now - started) + " ms";
            }
        }
        return null;
    }
}
