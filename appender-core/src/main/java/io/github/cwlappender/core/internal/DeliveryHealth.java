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
 *   <li><b>failing</b> after a retryable failure (throttling, 5xx, network error), refused credentials or a client
 *       that cannot be built, with no success since;</li>
 *   <li><b>failing</b> also while a call has been outstanding longer than the silence window with no success
 *       since it started: an endpoint that accepts connections and never answers.</li>
 * </ul>
 * A turn to failing wakes the threads waiting for buffer room, so they drop at once instead of waiting out
 * their timeout.
 */
final class DeliveryHealth
{
    /**
     * How long a call may go unanswered before delivery counts as failing. Well above a healthy PutLogEvents round
     * trip (tens to a few hundred milliseconds), well below the request timeout.
     */
    static final long SILENCE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final long silenceWindowNanos;
    private final Runnable onTurnedFailing;
    private final Map<Thread, Long> callsInProgress = new HashMap<>();
    private long lastSuccessNanos;
    private boolean failed;
    private String reason;

    DeliveryHealth(long silenceWindowNanos, Runnable onTurnedFailing)
    {
        this.silenceWindowNanos = silenceWindowNanos;
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
    }

    /** A retryable failure, refused credentials or an unbuildable client. */
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
        return whyFailing() == null;
    }

    /** Null while healthy, else what makes delivery count as failing. */
    synchronized String whyFailing()
    {
        if (failed)
        {
            return reason;
        }
        long now = System.nanoTime();
        for (long started : callsInProgress.values())
        {
            if (now - started > silenceWindowNanos && started - lastSuccessNanos >= 0)
            {
                return "no answer from the service for " + TimeUnit.NANOSECONDS.toMillis(now - started) + " ms";
            }
        }
        return null;
    }
}
