package io.github.cwlappender.examples.springboot.log4j2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Fails start-up when the logging configuration refers to an appender that Log4j2 could not create.
 *
 * <p>A wrong option makes the CloudWatch Logs appender report the problem and leaves it out of the configuration.
 * Boot starts the application anyway on Log4j2 (on Logback it fails start-up by itself), which would then run
 * without shipping its logs, with nothing but a few lines at the top of the console to say so. This check turns
 * that into a failed start, before the application does any work; the appender's lines above the failure name
 * the wrong option. Boot creates this bean after it has configured Log4j2.
 */
@Component
class MissingAppenderCheck implements InitializingBean
{
    @Override
    public void afterPropertiesSet()
    {
        Configuration configuration = ((LoggerContext) LogManager.getContext(false)).getConfiguration();
        Set<String> missing = new TreeSet<>();
        List<LoggerConfig> loggers = new ArrayList<>(configuration.getLoggers().values());
        loggers.add(configuration.getRootLogger());
        for (LoggerConfig logger : loggers)
        {
            for (AppenderRef ref : logger.getAppenderRefs())
            {
                if (configuration.getAppender(ref.getRef()) == null)
                {
                    missing.add(ref.getRef());
                }
            }
        }
        if (!missing.isEmpty())
        {
            // Log4j2 printed why before Boot's banner; its StatusLogger keeps no copy to quote here.
            throw new IllegalStateException("Log4j2 could not create the appender(s) " + missing + " that the"
                    + " logging configuration refers to; the errors Log4j2 printed at start-up say why (for the"
                    + " CloudWatch Logs appender, the lines that start with \"CloudWatch Logs appender [NAME]:\")");
        }
    }
}
