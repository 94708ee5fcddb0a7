package io.github.cwlappender.core.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * Failing lasts until the next successful call. A turn to failing wakes the threads waiting for buffer room, so they
 * drop at once instead of waiting out their timeout.
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
    // Read on every full-buffer decision, so without a lock and without allocating.
    private final AtomicInteger callsInProgress = new AtomicInteger();
    private volatile long busySinceNanos;
    private volatile long lastSuccessNanos;
    private volatile boolean failed;
    private volatile String reason;
    private volatile boolean refusing;
    private volatile long firstRefusalNanos;
    private volatile String refusal;

    DeliveryHealth(long graceNanos, Runnable onTurnedFailing)
    {
        this.graceNanos = graceNanos;
        this.onTurnedFailing = onTurnedFailing;
        this.lastSuccessNanos = System.nanoTime();
    }

    /** A call to the service starts. */
    void callStarted()
    {
        if (callsInProgress.get() == 0)
        {
            // The start of a stretch in which some call is always in progress.
            busySinceNanos = System.nanoTime();
        }
        callsInProgress.incrementAndGet();
    }

    /** A call ended, whatever its outcome. */
    void callEnded()
    {
        callsInProgress.decrementAndGet();
    }

    synchronized void succeeded()
    {
        lastSuccessNanos = System.nanoTime();
        failed = false;
        reason = null;
        refusing = false;
        refusal = null;
    }

    /**
     * A call failed: what that says about delivery. The service answering with throttling or a server error is
     * pushing back ({@link #refused}); not reaching it, or refused credentials, is a failure ({@link #failed}); any
     * other answer shows the path to it works.
     */
    void callFailed(Failure failure, boolean serviceAnswered, String description)
    {
        if (!failure.meansDeliveryFailing())
        {
            succeeded();
        }
        else if (serviceAnswered && failure != Failure.CREDENTIALS)
        {
            refused(description);
        }
        else
        {
            failed(description);
        }
    }

    /** The service answered, with throttling or a server error: pushing back, failing only if it lasts. */
    private synchronized void refused(String why)
    {
        if (!refusing)
        {
            firstRefusalNanos = System.nanoTime();
            refusing = true;
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
            reason = why;
            failed = true;
        }
        if (turned)
        {
            onTurnedFailing.run();
        }
    }

    /**
     * Whether a full buffer may make a logging thread wait. Cheap: no lock, and no allocation but once, when a
     * refusal or a silence outlasts the grace window and becomes a failure (which stays until the next success).
     */
    boolean isHealthy()
    {
        if (failed)
        {
            return false;
        }
        if (!refusing && callsInProgress.get() == 0)
        {
            return true;
        }
        return whyFailing() == null;
    }

    private boolean refusedTooLong(long now)
    {
        return refusing && now - firstRefusalNanos > graceNanos;
    }

    /** Some call has been in progress for longer than the grace window, and nothing succeeded meanwhile. */
    private boolean silentTooLong(long now)
    {
        return callsInProgress.get() > 0 && now - Math.max(busySinceNanos, lastSuccessNanos) > graceNanos;
    }

    /** Null while healthy, else what makes delivery count as failing. */
    String whyFailing()
    {
        if (failed)
        {
            return reason;
        }
        long now = System.nanoTime();
        if (refusedTooLong(now))
        {
            failed("the service refused every call for " + TimeUnit.NANOSECONDS.toMillis(now - firstRefusalNanos)
                    + " ms: " + refusal);
            return reason;
        }
        if (silentTooLong(now))
        {
            failed("no answer from the service for "
                    + TimeUnit.NANOSECONDS.toMillis(now - Math.max(busySinceNanos, lastSuccessNanos)) + " ms");
            return reason;
        }
        return null;
    }
}
