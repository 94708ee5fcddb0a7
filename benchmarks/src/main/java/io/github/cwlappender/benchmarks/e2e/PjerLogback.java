package io.github.cwlappender.benchmarks.e2e;

import ca.pjer.logback.AwsLogsAppender;
import ca.pjer.logback.metrics.AwsLogsMetrics;
import ca.pjer.logback.metrics.AwsLogsMetricsHolder;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * pjer's {@code logback-awslogs-appender} 1.6.0 with its defaults (synchronous: each event is one PutLogEvents
 * request on the logging thread) or tuned (its background worker with the largest batches). Its losses are read
 * from its metrics hook ({@code AwsLogsMetricsHolder}).
 */
final class PjerLogback implements LoggingSystem
{
    private final boolean tuned;
    private final CountingMetrics metrics = new CountingMetrics();
    private LoggerContext context;
    private Logger logger;

    PjerLogback(boolean tuned)
    {
        this.tuned = tuned;
    }

    @Override
    public void start(Target target)
    {
        AwsLogsMetricsHolder.set(metrics);
        context = LogbackSetup.emptyContext();
        AwsLogsAppender appender = new AwsLogsAppender();
        appender.setContext(context);
        appender.setName("PJER");
        appender.setLogGroupName(target.logGroup);
        appender.setLogStreamName(target.logStream);
        appender.setLogRegion(target.region);
        appender.setCloudWatchEndpoint(target.endpoint);
        appender.setAccessKeyId(ChildCredentials.ACCESS_KEY_ID);
        appender.setSecretAccessKey(ChildCredentials.SECRET_ACCESS_KEY);
        appender.setLayout(LogbackSetup.defaultPatternLayout(context));
        if (tuned)
        {
            appender.setMaxFlushTimeMillis(1000);
            appender.setMaxBatchLogEvents(10_000);
            appender.setMaxBlockTimeMillis(60_000);
        }
        logger = LogbackSetup.startOnRoot(context, appender, "pjer's appender");
    }

    @Override
    public void log(long seq, String message)
    {
        logger.info(message);
    }

    @Override
    public void stop()
    {
        context.stop();
        LogbackSetup.printStatus(context);
    }

    @Override
    public Map<String, Long> report()
    {
        Map<String, Long> report = new LinkedHashMap<>();
        report.put("lost", metrics.lost.get());
        report.put("putLogRequests", metrics.putLogs.get());
        report.put("putLogFailed", metrics.putLogFailed.get());
        report.put("flushFailed", metrics.flushFailed.get());
        return report;
    }

    /** pjer's metrics hook, counted. */
    private static final class CountingMetrics implements AwsLogsMetrics
    {
        final AtomicLong lost = new AtomicLong();
        final AtomicLong putLogs = new AtomicLong();
        final AtomicLong putLogFailed = new AtomicLong();
        final AtomicLong flushFailed = new AtomicLong();

        @Override
        public void incrementLostCount()
        {
            lost.incrementAndGet();
        }

        @Override
        public void incrementBatchRequeueFailed()
        {
            lost.incrementAndGet();
        }

        @Override
        public void incrementFlushFailed(Throwable t)
        {
            flushFailed.incrementAndGet();
        }

        @Override
        public void incrementPutLogFailed(Throwable t)
        {
            putLogFailed.incrementAndGet();
        }

        @Override
        public void incrementBatch(int size)
        {
        }

        @Override
        public void incrementLogEvents(int count)
        {
        }

        @Override
        public void incrementPutLog()
        {
            putLogs.incrementAndGet();
        }
    }
}
