package io.github.cwlappender.it.reliability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * A Logback appender that hands every event, on the same thread and under the same logger name and level, to a
 * Log4j2 logger context: what log4j-slf4j2-impl does for a Log4j2 application, where the AWS SDK's SLF4J logging
 * lands in Log4j2. The test class path has Logback as its SLF4J provider, so this stands in for that binding.
 */
final class Log4j2Bridge extends AppenderBase<ILoggingEvent>
{
    private final LoggerContext target;
    private final AtomicLong forwarded = new AtomicLong();

    Log4j2Bridge(LoggerContext target)
    {
        this.target = target;
    }

    long forwarded()
    {
        return forwarded.get();
    }

    @Override
    protected void append(ILoggingEvent event)
    {
        Throwable thrown = event.getThrowableProxy() instanceof ThrowableProxy
                ? ((ThrowableProxy) event.getThrowableProxy()).getThrowable() : null;
        forwarded.incrementAndGet();
        target.getLogger(event.getLoggerName()).log(level(event.getLevel()), event.getFormattedMessage(), thrown);
    }

    private static Level level(ch.qos.logback.classic.Level level)
    {
        switch (level.toInt())
        {
            case ch.qos.logback.classic.Level.ERROR_INT:
                return Level.ERROR;
            case ch.qos.logback.classic.Level.WARN_INT:
                return Level.WARN;
            case ch.qos.logback.classic.Level.INFO_INT:
                return Level.INFO;
            case ch.qos.logback.classic.Level.DEBUG_INT:
                return Level.DEBUG;
            default:
                return Level.TRACE;
        }
    }
}
