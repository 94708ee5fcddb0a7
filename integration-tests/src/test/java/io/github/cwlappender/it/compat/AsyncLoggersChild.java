package io.github.cwlappender.it.compat;

import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.log4j2.CloudWatchLogsAppender;
import java.nio.file.Paths;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * A Log4j2 application whose every logger is asynchronous ({@code AsyncLoggerContextSelector}, set by the parent
 * test) on whichever Disruptor the parent put on its class path. Threads log as fast as they can into a
 * {@link CountingNoOp} added to the root logger, and into the CloudWatchLogs appender when the configuration has one;
 * after Log4j2 has shut down, it prints what arrived.
 *
 * <p>Arguments: events in all, logging threads.
 */
public final class AsyncLoggersChild
{
    static final String COUNTED = "COUNTED ";
    static final String DELIVERED = "DELIVERED ";
    static final String DISRUPTOR = "DISRUPTOR ";
    static final String LOGGER = "LOGGER ";

    private AsyncLoggersChild()
    {
    }

    public static void main(String[] args) throws Exception
    {
        int events = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        CountingNoOp counter = new CountingNoOp();
        counter.start();
        configuration.addAppender(counter);
        configuration.getRootLogger().addAppender(counter, null, null);
        context.updateLoggers();
        Logger logger = context.getLogger("com.example.Load");
        System.out.println(LOGGER + logger.getClass().getName());
        Class<?> ring = Class.forName("com.lmax.disruptor.RingBuffer");
        System.out.println(DISRUPTOR + Paths.get(ring.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getFileName());

        Thread[] loggers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int first = t * (events / threads);
            int last = t == threads - 1 ? events : first + events / threads;
            loggers[t] = new Thread(() -> {
                for (int i = first; i < last; i++)
                {
                    logger.info("event {}", i);
                }
            }, "load-" + t);
            loggers[t].start();
        }
        for (Thread t : loggers)
        {
            t.join();
        }
        CloudWatchLogsAppender cloudWatch = configuration.getAppender("CLOUDWATCH");
        // Drains the async loggers' ring, then stops the appenders (ours delivers what it holds).
        LogManager.shutdown(context);
        System.out.println(COUNTED + counter.count());
        if (cloudWatch != null)
        {
            EngineStatistics stats = cloudWatch.getStatistics();
            System.out.println(DELIVERED + stats.delivered() + " " + stats);
        }
    }
}
