package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.github.cwlappender.core.EngineConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CredentialsAndGroupOptionsTest
{
    @Test
    void credentialsAndLogGroupElementsReachTheEngineWithoutWarnings() throws JoranException
    {
        LoggerContext context = configure("/logback-credentials-and-group-options.xml");
        try
        {
            CloudWatchLogsAppender appender = appender(context);
            assertThat(appender.isStarted()).isTrue();
            assertThat(context.getStatusManager().getCopyOfStatusList()).filteredOn(s -> s.getLevel() >= Status.WARN)
                    .extracting(Status::getMessage).isEmpty();
            EngineConfig config = appender.engineConfig();
            assertThat(config.region()).isEqualTo("eu-central-2");
            assertThat(config.profile()).isEqualTo("ops");
            assertThat(config.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/log-writer");
            assertThat(config.roleSessionName()).isEqualTo("orders");
            assertThat(config.externalId()).isEqualTo("ext-1");
            assertThat(config.tags()).containsExactly(Map.entry("team", "payments"), Map.entry("env", "prod"));
            assertThat(config.kmsKeyId()).startsWith("arn:aws:kms:eu-central-2:123456789012:key/");
            assertThat(config.logGroupClass()).isEqualTo("INFREQUENT_ACCESS");
        }
        finally
        {
            context.stop();
        }
    }

    @Test
    void aMistypedRegionIsAStatusErrorLikeAnyWrongOptionAndTheAppenderStaysStopped() throws JoranException
    {
        LoggerContext context = configure("/logback-wrong-region.xml");
        try
        {
            CloudWatchLogsAppender appender = appender(context);
            assertThat(appender.isStarted()).isFalse();
            List<String> errors = context.getStatusManager().getCopyOfStatusList().stream()
                    .filter(s -> s.getOrigin() == appender && s.getLevel() == Status.ERROR)
                    .map(Status::getMessage).collect(Collectors.toList());
            assertThat(errors).allSatisfy(e -> assertThat(e).contains("[CLOUDWATCH]"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("region must be an AWS region name such as")
                    .contains("got 'eu-west'"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("tags must be key=value pairs"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("logGroupClass must be one of")
                    .contains("got 'DELIVERY'"));
            assertThat(errors).anySatisfy(e -> assertThat(e)
                    .contains("credentialsProviderFactory: class 'com.example.NoSuchFactory' was not found"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("not started because of the 4 problem(s)"));
        }
        finally
        {
            context.stop();
        }
    }

    private static LoggerContext configure(String resource) throws JoranException
    {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(CredentialsAndGroupOptionsTest.class.getResource(resource));
        return context;
    }

    private static CloudWatchLogsAppender appender(LoggerContext context)
    {
        return (CloudWatchLogsAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
    }
}
