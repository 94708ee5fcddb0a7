package io.github.cwlappender.core;

import io.github.cwlappender.core.internal.EngineThread;
import java.util.List;

/**
 * Decides which log events an appender must refuse because sending them would make more of them: anything logged
 * on the engine's own threads, and anything from the AWS SDK or the HTTP clients it may use, whatever the thread.
 *
 * @since 0.1.0
 */
public final class RecursionGuard
{
    /** Logger name prefixes of the AWS SDK, the HTTP stacks it can run on, and this library's own packages. */
    public static final List<String> INTERNAL_LOGGER_PREFIXES = List.of("software.amazon.awssdk",
            "org.apache.http", "org.apache.hc", "io.netty", "sun.net.www.protocol.http", "jdk.internal.httpclient",
            "io.github.cwlappender.core", "io.github.cwlappender.logback", "io.github.cwlappender.log4j2");

    private RecursionGuard()
    {
    }

    /** True when an event from this logger on the current thread must not go to a CloudWatch Logs appender. */
    public static boolean mustSkip(String loggerName)
    {
        return EngineThread.isCurrent() || isInternalLogger(loggerName);
    }

    /**
     * As {@link #mustSkip(String)}, and also true when the event was logged on an engine thread and handed to the
     * current thread by an asynchronous stage (Log4j2 async loggers, Logback's AsyncAppender): the captured thread
     * name still tells.
     */
    public static boolean mustSkip(String loggerName, String threadName)
    {
        return mustSkip(loggerName) || EngineThread.isEngineThreadName(threadName);
    }

    public static boolean isInternalLogger(String loggerName)
    {
        if (loggerName == null)
        {
            return false;
        }
        for (int i = 0; i < INTERNAL_LOGGER_PREFIXES.size(); i++)
        {
            if (loggerName.startsWith(INTERNAL_LOGGER_PREFIXES.get(i)))
            {
                return true;
            }
        }
        return false;
    }
}
