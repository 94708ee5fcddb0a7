package io.github.cwlappender.it.reliability;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.TimeUnit;

/**
 * A small application run in its own JVM by the reliability tests: it logs through one adapter configured from a
 * {@code reliability-*-child.xml}, says what the appender counted, prints {@link #DONE_LOGGING} and returns from
 * {@code main}, leaving the framework's shutdown hook to stop the appender.
 *
 * <p>Arguments: {@code logback|log4j2}, the number of events, and how long to wait (ms) before returning.
 */
final class ReliabilityChild
{
    static final String DONE_LOGGING = "RELIABILITY-CHILD-DONE-LOGGING";
    static final String APPENDER = "RELIABILITY-CHILD-APPENDER";

    private ReliabilityChild()
    {
    }

    public static void main(String[] args) throws InterruptedException
    {
        String adapter = args[0];
        int events = Integer.parseInt(args[1]);
        long waitMillis = Long.parseLong(args[2]);
        if (adapter.equals("logback"))
        {
            logWithLogback(events, waitMillis);
        }
        else
        {
            logWithLog4j2(events, waitMillis);
        }
        System.out.println(DONE_LOGGING);
        System.out.flush();
    }

    private static void logWithLogback(int events, long waitMillis) throws InterruptedException
    {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("app.child");
        for (int i = 0; i < events; i++)
        {
            log.info(EventIds.message("child-logback", 0, i));
        }
        TimeUnit.MILLISECONDS.sleep(waitMillis);
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        io.github.cwlappender.logback.CloudWatchLogsAppender appender =
                (io.github.cwlappender.logback.CloudWatchLogsAppender) context.getLogger(
                        org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
        System.out.println(APPENDER + " " + appender + " " + appender.getStatistics());
    }

    private static void logWithLog4j2(int events, long waitMillis) throws InterruptedException
    {
        org.apache.logging.log4j.Logger log = org.apache.logging.log4j.LogManager.getLogger("app.child");
        for (int i = 0; i < events; i++)
        {
            log.info(EventIds.message("child-log4j2", 0, i));
        }
        TimeUnit.MILLISECONDS.sleep(waitMillis);
        org.apache.logging.log4j.core.LoggerContext context =
                (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        io.github.cwlappender.log4j2.CloudWatchLogsAppender appender = context.getConfiguration()
                .getAppender("CLOUDWATCH");
        System.out.println(APPENDER + " " + appender + " " + appender.getStatistics());
    }
}
