package io.github.cwlappender.it.reliability;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.slf4j.LoggerFactory;

/**
 * Routes a JDK logger, at every level, to SLF4J under the same name, as jul-to-slf4j does in applications. The JDK's
 * HTTP client (behind the SDK's URL-connection client) logs through java.util.logging, so this is how its records
 * reach an appender.
 */
final class JulToSlf4j extends Handler implements AutoCloseable
{
    private final Logger jul;
    private final Level levelBefore;
    private final boolean parentHandlersBefore;
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final AtomicLong forwarded = new AtomicLong();

    private JulToSlf4j(String loggerName)
    {
        this.jul = Logger.getLogger(loggerName);
        this.levelBefore = jul.getLevel();
        this.parentHandlersBefore = jul.getUseParentHandlers();
    }

    /** Sends everything logged under {@code loggerName} to SLF4J until {@link #close()}. */
    static JulToSlf4j install(String loggerName)
    {
        JulToSlf4j handler = new JulToSlf4j(loggerName);
        handler.setLevel(Level.ALL);
        handler.jul.setLevel(Level.ALL);
        handler.jul.setUseParentHandlers(false);
        handler.jul.addHandler(handler);
        return handler;
    }

    long forwarded()
    {
        return forwarded.get();
    }

    @Override
    public void publish(LogRecord record)
    {
        org.slf4j.Logger target = LoggerFactory.getLogger(record.getLoggerName());
        String message = formatter.formatMessage(record);
        int level = record.getLevel().intValue();
        forwarded.incrementAndGet();
        if (level >= Level.SEVERE.intValue())
        {
            target.error(message, record.getThrown());
        }
        else if (level >= Level.WARNING.intValue())
        {
            target.warn(message, record.getThrown());
        }
        else if (level >= Level.INFO.intValue())
        {
            target.info(message, record.getThrown());
        }
        else if (level >= Level.FINE.intValue())
        {
            target.debug(message, record.getThrown());
        }
        else
        {
            target.trace(message, record.getThrown());
        }
    }

    @Override
    public void flush()
    {
    }

    @Override
    public void close()
    {
        jul.removeHandler(this);
        jul.setLevel(levelBefore);
        jul.setUseParentHandlers(parentHandlersBefore);
    }
}
