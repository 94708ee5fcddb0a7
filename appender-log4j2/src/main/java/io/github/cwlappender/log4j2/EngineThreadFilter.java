package io.github.cwlappender.log4j2;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.internal.EngineThread;
import java.util.HashSet;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.message.Message;

/**
 * A configuration-wide filter that refuses the events below WARN logged on the engine's own threads (the AWS SDK's
 * and the HTTP client's debug output, mostly). Log4j2 asks it in {@code Logger.isEnabled}, before an async logger,
 * an {@code <AsyncRoot>} or {@code <AsyncLogger>} or an {@code <Async>} appender queues anything: an engine thread
 * must never wait for room in a queue whose only consumer may be waiting for room in our buffer, which only the
 * engine threads can free.
 *
 * <p>One per configuration, ahead of any other configuration filter, so that no other filter's ACCEPT lets those
 * events through; added by the first CloudWatch Logs appender of the configuration to start and removed when the last
 * one stops.
 */
final class EngineThreadFilter extends AbstractFilter
{
    private final Set<Object> users = new HashSet<>();

    private EngineThreadFilter()
    {
        super(Result.DENY, Result.NEUTRAL);
    }

    /** Makes sure the configuration has the filter, first, while {@code user} runs. */
    static void attach(Configuration config, Object user)
    {
        synchronized (config)
        {
            EngineThreadFilter filter = find(config.getFilter());
            if (filter == null)
            {
                filter = new EngineThreadFilter();
                filter.start();
                Filter others = config.getFilter();
                if (others != null)
                {
                    config.removeFilter(others);
                }
                config.addFilter(filter);
                if (others != null)
                {
                    config.addFilter(others);
                }
            }
            filter.users.add(user);
        }
    }

    /** Removes the filter once no appender that attached it runs any longer. */
    static void detach(Configuration config, Object user)
    {
        synchronized (config)
        {
            EngineThreadFilter filter = find(config.getFilter());
            if (filter != null && filter.users.remove(user) && filter.users.isEmpty())
            {
                config.removeFilter(filter);
                filter.stop();
            }
        }
    }

    private static EngineThreadFilter find(Filter filter)
    {
        if (filter instanceof EngineThreadFilter)
        {
            return (EngineThreadFilter) filter;
        }
        if (filter instanceof CompositeFilter)
        {
            for (Filter f : (CompositeFilter) filter)
            {
                EngineThreadFilter found = find(f);
                if (found != null)
                {
                    return found;
                }
            }
        }
        return null;
    }

    private static Result decide(Level level)
    {
        return isBelowWarn(level) && CloudWatchLogsEngine.isEngineThread() ? Result.DENY : Result.NEUTRAL;
    }

    private static boolean isBelowWarn(Level level)
    {
        return level != null && !level.isMoreSpecificThan(Level.WARN);
    }

    @Override
    public Result filter(LogEvent event)
    {
        // An event made on another thread and handed over still names the thread it was logged on.
        return isBelowWarn(event.getLevel())
                && (CloudWatchLogsEngine.isEngineThread() || EngineThread.isEngineThreadName(event.getThreadName()))
                ? Result.DENY : Result.NEUTRAL;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3, Object p4)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3, Object p4, Object p5)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3, Object p4, Object p5, Object p6)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3, Object p4, Object p5, Object p6, Object p7)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3, Object p4, Object p5, Object p6, Object p7, Object p8)
    {
        return decide(level);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3, Object p4, Object p5, Object p6, Object p7, Object p8, Object p9)
    {
        return decide(level);
    }
}
