package io.github.cwlappender.examples.springboot.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the example, closes it and runs it again in the same JVM, as a test runner or a restarting tool does, while
 * every PutLogEvents is refused for want of credentials. Closing a context does not stop Logback: the first
 * application's appender goes on retrying until the second start replaces it, and Spring Boot stops it then, in the
 * middle of its check for configuration errors. The first context is closed shortly before the appender may repeat
 * its refusal report (at most once per 10 s), so that the repeat lands while the second start configures Logback.
 *
 * <p>Prints {@link #SECOND_START_SUCCEEDED} and what the first appender reported after the close, or
 * {@link #SECOND_START_FAILED} with the reason and exits with 1.
 */
final class StartTwiceInOneJvm
{
    static final String SECOND_START_SUCCEEDED = "second start succeeded";
    static final String SECOND_START_FAILED = "second start failed: ";
    static final String FIRST_APPENDER_REPORTED = "first appender reported after the close: ";

    private static final String REFUSED = "PutLogEvents is refused";
    /** The appender's interval between two reports of one kind. */
    private static final long REPORT_INTERVAL_MILLIS = 10_000;
    /**
     * Far enough before the repeat that the context is surely closed when it comes (a repeat before the close would
     * be cleared with the first application's statuses), near enough that it comes while the old appender stops.
     */
    private static final long CLOSE_AHEAD_MILLIS = 1_000;
    /** The first delivery is tried within a second of the first event; a generous bound for a busy machine. */
    private static final long FIRST_REFUSAL_LIMIT_MILLIS = 20_000;
    /** The second application need not keep the JVM waiting at exit for events it cannot deliver. */
    private static final String SHORT_SHUTDOWN = "--app.logs.shutdown-timeout-millis=1000";

    private StartTwiceInOneJvm()
    {
    }

    public static void main(String[] args) throws InterruptedException
    {
        ConfigurableApplicationContext first = SpringApplication.run(ShopApplication.class, args);
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> firstAppender = logback.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
        long firstRefusal = awaitFirstRefusal(logback, firstAppender);
        long closeAt = firstRefusal + REPORT_INTERVAL_MILLIS - CLOSE_AHEAD_MILLIS;
        if (System.currentTimeMillis() >= closeAt)
        {
            System.out.println("the first application started too slowly to close it before the repeated report");
            System.exit(3);
        }
        Thread.sleep(closeAt - System.currentTimeMillis());
        // One more event for the first appender, in a batch of its own, as an application logs while it closes.
        LoggerFactory.getLogger(StartTwiceInOneJvm.class).info("closing the first application");
        first.close();

        List<String> secondArgs = new ArrayList<>(Arrays.asList(args));
        secondArgs.add(SHORT_SHUTDOWN);
        ConfigurableApplicationContext second;
        try
        {
            second = SpringApplication.run(ShopApplication.class, secondArgs.toArray(new String[0]));
        }
        catch (RuntimeException e)
        {
            System.out.println(SECOND_START_FAILED + e);
            System.exit(1);
            return;
        }
        System.out.println(SECOND_START_SUCCEEDED);
        // Boot cleared the status list when it closed the first context: what the first appender left there since
        // came while the second application started.
        for (Status status : logback.getStatusManager().getCopyOfStatusList())
        {
            if (status.getOrigin() == firstAppender && status.getMessage().contains(REFUSED))
            {
                System.out.println(FIRST_APPENDER_REPORTED + level(status) + " " + REFUSED);
            }
        }
        second.close();
    }

    private static long awaitFirstRefusal(LoggerContext logback, Appender<ILoggingEvent> appender)
            throws InterruptedException
    {
        long giveUpAt = System.currentTimeMillis() + FIRST_REFUSAL_LIMIT_MILLIS;
        while (System.currentTimeMillis() < giveUpAt)
        {
            for (Status status : logback.getStatusManager().getCopyOfStatusList())
            {
                if (status.getOrigin() == appender && status.getMessage().contains(REFUSED))
                {
                    return status.getTimestamp();
                }
            }
            Thread.sleep(20);
        }
        System.out.println("the first appender reported no refusal within " + FIRST_REFUSAL_LIMIT_MILLIS + " ms");
        System.exit(2);
        return 0;
    }

    private static String level(Status status)
    {
        switch (status.getLevel())
        {
            case Status.ERROR:
                return "ERROR";
            case Status.WARN:
                return "WARN";
            default:
                return "INFO";
        }
    }
}
