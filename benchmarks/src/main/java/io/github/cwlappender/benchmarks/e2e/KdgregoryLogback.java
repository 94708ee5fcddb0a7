package io.github.cwlappender.benchmarks.e2e;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.kdgregory.logback.aws.CloudWatchAppender;
import com.kdgregory.logging.aws.cloudwatch.CloudWatchWriterStatistics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * kdgregory's {@code logback-aws-appenders} 3.2.1 {@code CloudWatchAppender} through its SDK v1 facade, with its
 * defaults or tuned never to discard. Its client comes from {@link KdgregoryClientFactory} (its
 * {@code clientFactory} option), which builds the client as the facade does and answers only the start-up
 * {@code DescribeLogGroups} check, an operation the strict endpoint does not implement.
 */
final class KdgregoryLogback implements LoggingSystem
{
    private final boolean tuned;
    private LoggerContext context;
    private CloudWatchAppender<ILoggingEvent> appender;
    private Logger logger;

    KdgregoryLogback(boolean tuned)
    {
        this.tuned = tuned;
    }

    @Override
    public void start(Target target)
    {
        context = LogbackSetup.emptyContext();
        appender = new CloudWatchAppender<>();
        appender.setContext(context);
        appender.setName("KDGREGORY");
        appender.setLogGroup(target.logGroup);
        appender.setClientRegion(target.region);
        appender.setClientEndpoint(target.endpoint);
        appender.setClientFactory(KdgregoryClientFactory.class.getName() + ".create");
        appender.setLayout(LogbackSetup.defaultPatternLayout(context));
        if (tuned)
        {
            appender.setDiscardAction("none");
            appender.setDiscardThreshold(Integer.MAX_VALUE);
        }
        logger = LogbackSetup.startOnRoot(context, appender, "kdgregory's appender");
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
        Object stats = appender.getAppenderStatistics();
        if (stats instanceof CloudWatchWriterStatistics)
        {
            CloudWatchWriterStatistics cw = (CloudWatchWriterStatistics) stats;
            report.put("sent", (long) cw.getMessagesSent());
            report.put("discarded", (long) cw.getMessagesDiscarded());
            report.put("oversize", (long) cw.getOversizeMessages());
            report.put("throttled", (long) cw.getThrottledWrites());
        }
        return report;
    }
}
