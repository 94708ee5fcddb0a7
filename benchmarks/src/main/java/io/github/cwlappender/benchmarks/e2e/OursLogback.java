package io.github.cwlappender.benchmarks.e2e;

import ch.qos.logback.classic.LoggerContext;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.logback.CloudWatchLogsAppender;
import java.util.Map;
import org.slf4j.Logger;

/** Our Logback appender with its defaults: only where to send is set (credentials come from the SDK's chain). */
final class OursLogback implements LoggingSystem
{
    private LoggerContext context;
    private CloudWatchLogsAppender appender;
    private Logger logger;
    private EngineStatistics statistics;

    @Override
    public void start(Target target)
    {
        context = LogbackSetup.emptyContext();
        appender = new CloudWatchLogsAppender();
        appender.setContext(context);
        appender.setName("CLOUDWATCH");
        appender.setLogGroup(target.logGroup);
        appender.setRegion(target.region);
        appender.setEndpoint(target.endpoint);
        logger = LogbackSetup.startOnRoot(context, appender, "our Logback appender");
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
        statistics = appender.getStatistics();
    }

    @Override
    public Map<String, Long> report()
    {
        return OurStatistics.asMap(statistics);
    }
}
