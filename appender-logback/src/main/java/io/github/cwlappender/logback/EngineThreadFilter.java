package io.github.cwlappender.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Refuses, before any appender or asynchronous front sees them, the events below WARN that are logged on the engine's
 * own threads (the AWS SDK's and the HTTP client's debug output, mostly). Behind an {@code AsyncAppender} such an
 * event would wait for room in the queue that the appender's worker cannot empty while it waits for room in our
 * buffer, which only the waiting sender thread can free.
 *
 * <p>One per {@link LoggerContext}, first in its turbo filter list, so that no other turbo filter's ACCEPT lets
 * those events through; added by the first CloudWatch Logs appender to start and removed when the last one stops
 * (or by {@link LoggerContext#reset()}, which clears every turbo filter).
 */
final class EngineThreadFilter extends TurboFilter
{
    private final Set<Object> users = new HashSet<>();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t)
    {
        return level != null && level.levelInt < Level.WARN_INT && CloudWatchLogsEngine.isEngineThread()
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** Makes sure the context has the filter while {@code user} runs. */
    static void attach(LoggerContext context, Object user)
    {
        synchronized (context.getTurboFilterList())
        {
            EngineThreadFilter filter = find(context);
            if (filter == null)
            {
                filter = new EngineThreadFilter();
                filter.setName("CloudWatchLogsEngineThreads");
                filter.setContext(context);
                filter.start();
                context.getTurboFilterList().add(0, filter);
            }
            filter.users.add(user);
        }
    }

    /** Removes the filter once no appender that attached it runs any longer. */
    static void detach(LoggerContext context, Object user)
    {
        synchronized (context.getTurboFilterList())
        {
            EngineThreadFilter filter = find(context);
            if (filter != null && filter.users.remove(user) && filter.users.isEmpty())
            {
                context.getTurboFilterList().remove(filter);
                filter.stop();
            }
        }
    }

    private static EngineThreadFilter find(LoggerContext context)
    {
        for (TurboFilter f : context.getTurboFilterList())
        {
            if (f instanceof EngineThreadFilter)
            {
                return (EngineThreadFilter) f;
            }
        }
        return null;
    }
}
