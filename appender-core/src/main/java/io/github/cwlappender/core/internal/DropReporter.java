package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.DropReason;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Tells the user about lost events, per reason, in episodes: the first drop at once, then a summary at most every
 * {@link #REPEAT_NANOS} while drops go on, then the episode's total once drops have stopped for
 * {@link #QUIET_NANOS}. Runs on engine threads only; application threads just count.
 */
final class DropReporter
{
    static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long REPEAT_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final DropReason[] REASONS = DropReason.values();

    private final Counters counters;
    private final StatusReporter status;
    private final Supplier<String> context;
    private final long[] seen = new long[REASONS.length];
    private final long[] episodeStartTotal = new long[REASONS.length];
    private final long[] reportedTotal = new long[REASONS.length];
    private final long[] lastDropNanos = new long[REASONS.length];
    private final long[] lastReportNanos = new long[REASONS.length];
    private final boolean[] inEpisode = new boolean[REASONS.length];
    private long lastCheckNanos;

    /** @param context says why events of a reason are dropped right now (for example, the state of delivery) */
    DropReporter(Counters counters, StatusReporter status, Supplier<String> context)
    {
        this.counters = counters;
        this.status = status;
        this.context = context;
        this.lastCheckNanos = System.nanoTime() - CHECK_NANOS;
    }

    /** Looks at the counters, at most every {@link #CHECK_NANOS}, and reports what changed. */
    synchronized void check()
    {
        long now = System.nanoTime();
        if (now - lastCheckNanos < CHECK_NANOS)
        {
            return;
        }
        lastCheckNanos = now;
        for (DropReason reason : REASONS)
        {
            // Shutdown losses are reported by stop(); recursion drops are the guard working as designed.
            if (reason != DropReason.SHUTDOWN && reason != DropReason.RECURSION)
            {
                check(reason, now);
            }
        }
    }

    /** At stop: reports what changed since the last check and closes every open episode with its total. */
    synchronized void finish()
    {
        long now = System.nanoTime();
        lastCheckNanos = now;
        for (DropReason reason : REASONS)
        {
            if (reason != DropReason.SHUTDOWN && reason != DropReason.RECURSION)
            {
                check(reason, now);
                int r = reason.ordinal();
                if (inEpisode[r])
                {
                    inEpisode[r] = false;
                    long total = seen[r];
                    report(reason, now, total, "stopped with " + (total - episodeStartTotal[r]) + " " + reason
                            + " lost in the last episode; " + total + " " + reason + " since the appender started");
                }
            }
        }
    }

    private void check(DropReason reason, long now)
    {
        int r = reason.ordinal();
        long total = counters.droppedCount(reason);
        if (total > seen[r])
        {
            if (!inEpisode[r])
            {
                inEpisode[r] = true;
                episodeStartTotal[r] = seen[r];
                report(reason, now, total, "dropping events: " + (total - seen[r]) + " " + reason + " ("
                        + explain(reason) + "); a summary follows every " + seconds(REPEAT_NANOS)
                        + " s while this goes on");
            }
            else if (now - lastReportNanos[r] >= REPEAT_NANOS)
            {
                report(reason, now, total, "still dropping events: " + (total - reportedTotal[r]) + " more "
                        + reason + " in the last " + seconds(now - lastReportNanos[r]) + " s, "
                        + (total - episodeStartTotal[r]) + " since it began (" + explain(reason) + ")");
            }
            seen[r] = total;
            lastDropNanos[r] = now;
        }
        else if (inEpisode[r] && now - lastDropNanos[r] >= QUIET_NANOS)
        {
            inEpisode[r] = false;
            report(reason, now, total, "stopped dropping events: " + (total - episodeStartTotal[r]) + " " + reason
                    + " lost in all in this episode; " + total + " " + reason + " since the appender started");
        }
    }

    private void report(DropReason reason, long now, long total, String message)
    {
        lastReportNanos[reason.ordinal()] = now;
        reportedTotal[reason.ordinal()] = total;
        status.dataLoss(message);
    }

    private String explain(DropReason reason)
    {
        switch (reason)
        {
            case BUFFER_FULL:
                return "the buffer was full; " + context.get();
            case OVERSIZE:
                return "messages longer than maxEventBytes with oversize=DROP, or larger than the whole buffer";
            case EMPTY:
                return "empty messages, which CloudWatch Logs refuses";
            case INVALID:
                return "the service refused these events even one at a time";
            case PERMANENT_ERROR:
                return "a non-retryable error; see the errors reported before";
            case RETRY_TIMEOUT:
                return "retries went on longer than retryTimeoutMillis; " + context.get();
            case FORMAT_FAILED:
                return "the layout or encoder threw while formatting them; its exception is reported apart";
            default:
                return reason.toString();
        }
    }

    private static long seconds(long nanos)
    {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos));
    }
}
