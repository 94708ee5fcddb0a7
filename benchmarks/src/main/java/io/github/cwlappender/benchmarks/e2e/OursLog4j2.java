package io.github.cwlappender.benchmarks.e2e;

import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.log4j2.CloudWatchLogsAppender;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Our Log4j2 appender with its defaults, configured as a {@code log4j2.xml} with one {@code <CloudWatchLogs>}
 * element would be (the plugin is found by name), synchronous loggers.
 */
final class OursLog4j2 implements LoggingSystem
{
    private static final String APPENDER = "CLOUDWATCH";

    private LoggerContext context;
    private CloudWatchLogsAppender appender;
    private Logger logger;
    private EngineStatistics statistics;

    @Override
    public void start(Target target)
    {
        LogbackSetup.silence();
        ConfigurationBuilder<BuiltConfiguration> config = ConfigurationBuilderFactory.newConfigurationBuilder();
        config.setStatusLevel(Level.WARN);
        config.add(config.newAppender(APPENDER, "CloudWatchLogs")
                .addAttribute("logGroup", target.logGroup)
                .addAttribute("region", target.region)
                .addAttribute("endpoint", target.endpoint));
        config.add(config.newRootLogger(Level.INFO).add(config.newAppenderRef(APPENDER)));
        context = Configurator.initialize(config.build());
        appender = context.getConfiguration().getAppender(APPENDER);
        if (appender == null || !appender.isStarted())
        {
            throw new IllegalStateException("our Log4j2 appender was not created or did not start");
        }
        logger = LogManager.getLogger(Messages.LOGGER);
    }

    @Override
    public void log(long seq, String message)
    {
        logger.info(message);
    }

    @Override
    public void stop()
    {
        Configurator.shutdown(context);
        statistics = appender.getStatistics();
    }

    @Override
    public Map<String, Long> report()
    {
        return OurStatistics.asMap(statistics);
    }
}
