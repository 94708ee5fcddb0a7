package io.github.cwlappender.core;

import java.util.Collections;
import java.util.List;

/**
 * What {@link CloudWatchLogs#flushAll(java.time.Duration)} finished. Complete means that every event accepted before
 * the call was settled (delivered, rejected or dropped, each counted in the appender's statistics); it does not mean
 * that all of them were delivered: read {@link CloudWatchLogsEngine#statistics()} for that.
 *
 * @since 0.2.0
 */
public final class FlushResult
{
    private final int appenders;
    private final List<String> unfinished;
    private final long pendingEvents;

    FlushResult(int appenders, List<String> unfinished, long pendingEvents)
    {
        this.appenders = appenders;
        this.unfinished = Collections.unmodifiableList(unfinished);
        this.pendingEvents = pendingEvents;
    }

    /** True when every running appender settled everything accepted before the call, within the timeout. */
    public boolean isComplete()
    {
        return unfinished.isEmpty();
    }

    /** How many appenders were running and flushed. */
    public int appenders()
    {
        return appenders;
    }

    /** The names of the appenders that had not finished when the call returned; empty when complete. */
    public List<String> unfinishedAppenders()
    {
        return unfinished;
    }

    /**
     * Events those unfinished appenders still held when the call returned (buffered or in flight); zero when
     * complete. They are delivered later, as usual, or counted at stop.
     */
    public long pendingEvents()
    {
        return pendingEvents;
    }

    @Override
    public String toString()
    {
        if (isComplete())
        {
            return "flushed " + appenders + " appender(s) completely";
        }
        return "flush incomplete: " + pendingEvents + " event(s) still pending in " + unfinished + " (of " + appenders
                + " appender(s))";
    }
}
