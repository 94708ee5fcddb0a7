package io.github.cwlappender.benchmarks.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Programmatic Logback configuration, as a {@code logback.xml} with one appender on the root logger would do. */
final class LogbackSetup
{
    private LogbackSetup()
    {
    }

    /** The context with Logback's default console appender removed: nothing is configured. */
    static LoggerContext emptyContext()
    {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        return context;
    }

    /**
     * For the systems that do not log through Logback: the AWS SDK v2 logs through SLF4J, which is Logback here;
     * without this its debug output would go to Logback's default console appender.
     */
    static void silence()
    {
        emptyContext().getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }

    /** Our appenders' default layout, given to the peers so every system sends the same bytes. */
    static PatternLayout defaultPatternLayout(LoggerContext context)
    {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(Messages.PATTERN);
        layout.start();
        return layout;
    }

    /**
     * Starts the configured appender, fails with Logback's status list when it does not start, and puts it alone on
     * the root logger at INFO; returns the logger the producers log through.
     */
    static Logger startOnRoot(LoggerContext context, Appender<ILoggingEvent> appender, String who)
    {
        appender.start();
        if (!appender.isStarted())
        {
            throw new IllegalStateException(who + " did not start: " + context.getStatusManager()
                    .getCopyOfStatusList());
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        return LoggerFactory.getLogger(Messages.LOGGER);
    }

    /** Logback's status messages (the appenders' warnings and errors) to the child's standard error. */
    static void printStatus(LoggerContext context)
    {
        for (Status status : context.getStatusManager().getCopyOfStatusList())
        {
            if (status.getLevel() >= Status.WARN)
            {
                System.err.println("logback status: " + status);
            }
        }
    }
}
