package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.core.OversizePolicy;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConfigurationTest
{
    @Test
    void everyXmlOptionReachesTheEngine() throws JoranException
    {
        LoggerContext context = configure("/logback-all-options.xml");
        try
        {
            CloudWatchLogsAppender appender = appender(context);
            assertThat(appender.isStarted()).isTrue();
            EngineConfig config = appender.engineConfig();
            assertThat(config.name()).isEqualTo("CLOUDWATCH");
            assertThat(config.logGroup()).isEqualTo("/test/xml/all-options");
            assertThat(config.logStream()).isEqualTo("xml-stream");
            assertThat(config.region()).isEqualTo("eu-west-1");
            assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9"));
            assertThat(config.createLogGroup()).isFalse();
            assertThat(config.createLogStream()).isFalse();
            assertThat(config.retentionDays()).isEqualTo(30);
            assertThat(config.bufferSize()).isEqualTo(1024);
        assertThat(config.bufferBytes()).isEqualTo(8L * 1024 * 1024);
            assertThat(config.bufferBytes()).isEqualTo(8L * 1024 * 1024);
            assertThat(config.onBufferFull()).isEqualTo(OnBufferFull.BLOCK);
            assertThat(config.blockTimeoutMillis()).isEqualTo(250);
            assertThat(config.maxBatchEvents()).isEqualTo(500);
            assertThat(config.maxBatchBytes()).isEqualTo(65536);
            assertThat(config.lingerMillis()).isEqualTo(2500);
            assertThat(config.maxInFlight()).isEqualTo(4);
            assertThat(config.oversize()).isEqualTo(OversizePolicy.SPLIT);
            assertThat(config.maxEventBytes()).isEqualTo(8192);
            assertThat(config.retryTimeoutMillis()).isEqualTo(30000);
            assertThat(config.shutdownTimeoutMillis()).isEqualTo(3000);
            assertThat(config.requestTimeoutMillis()).isEqualTo(4000);
        }
        finally
        {
            context.stop();
        }
    }

    @Test
    void everyXmlElementIsUnderstoodWithoutWarnings() throws JoranException
    {
        LoggerContext context = configure("/logback-all-options.xml");
        try
        {
            assertThat(context.getStatusManager().getCopyOfStatusList())
                    .filteredOn(s -> s.getLevel() >= Status.WARN)
                    .extracting(Status::getMessage)
                    .isEmpty();
        }
        finally
        {
            context.stop();
        }
    }

    @Test
    void wrongXmlValuesGiveOneErrorEachSayingWhatToWriteAndTheAppenderStaysStopped() throws JoranException
    {
        LoggerContext context = configure("/logback-wrong-options.xml");
        try
        {
            CloudWatchLogsAppender appender = appender(context);
            assertThat(appender.isStarted()).isFalse();
            List<String> errors = errorsFrom(context, appender);
            assertThat(errors).allSatisfy(e -> assertThat(e).contains("[CLOUDWATCH]"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("bufferSize must be a power of two")
                    .contains("got 1000"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("onBufferFull must be one of [DROP, BLOCK, ADAPTIVE]")
                    .contains("got 'wait'"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("bufferBytes must be a byte count such as 64MB")
                .contains("got 'lots'"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("createLogGroup must be true or false")
                    .contains("got 'yes'"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("lingerMillis must be a whole number")
                    .contains("got '1s'"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("retentionDays must be one of")
                    .contains("got 31"));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("not started"));
        }
        finally
        {
            context.stop();
        }
    }

    @Test
    void eventsReachingAnAppenderThatDidNotStartAreDroppedAndCountedNotThrown() throws JoranException
    {
        LoggerContext context = configure("/logback-wrong-options.xml");
        try
        {
            Logger logger = context.getLogger("com.example.Orders");
            logger.info("one");
            logger.warn("two");
            logger.error("three", new IllegalStateException("boom"));

            EngineStatistics stats = appender(context).getStatistics();
            assertThat(stats.accepted()).isEqualTo(3);
            assertThat(stats.dropped(DropReason.SHUTDOWN)).isEqualTo(3);
            assertThat(stats.isBalanced()).isTrue();
        }
        finally
        {
            context.stop();
        }
    }

    @Test
    void aMissingLogGroupIsReportedWithAnExample()
    {
        try (Fixture fixture = new Fixture())
        {
            fixture.appender.setLogGroup(null);
            fixture.start();

            assertThat(fixture.appender.isStarted()).isFalse();
            assertThat(fixture.errorsOfAppender()).anySatisfy(e -> assertThat(e)
                    .contains("[" + Fixture.NAME + "]").contains("logGroup is required, for example"));
        }
    }

    @Test
    void aLayoutAndAnEncoderTogetherAreRefused()
    {
        try (Fixture fixture = new Fixture())
        {
            PatternLayout layout = new PatternLayout();
            layout.setPattern("%msg");
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setPattern("%msg");
            fixture.appender.setLayout(layout);
            fixture.appender.setEncoder(encoder);
            fixture.start();

            assertThat(fixture.appender.isStarted()).isFalse();
            assertThat(fixture.errorsOfAppender()).anySatisfy(e -> assertThat(e)
                    .contains("either <layout> or <encoder>, not both"));
        }
    }

    @Test
    void blankOptionsKeepTheirDefaults()
    {
        try (Fixture fixture = new Fixture())
        {
            // What an unset ${variable:-} substitution leaves behind.
            fixture.appender.setEndpoint("");
            fixture.appender.setRegion("  ");
            fixture.appender.setBufferSize("");
            fixture.start();

            EngineConfig config = fixture.appender.engineConfig();
            assertThat(config.endpoint()).isNull();
            assertThat(config.region()).isNull();
            assertThat(config.bufferSize()).isEqualTo(EngineConfig.DEFAULT_BUFFER_SIZE);
        }
    }

    private static LoggerContext configure(String resource) throws JoranException
    {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ConfigurationTest.class.getResource(resource));
        return context;
    }

    private static CloudWatchLogsAppender appender(LoggerContext context)
    {
        return (CloudWatchLogsAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
    }

    private static List<String> errorsFrom(LoggerContext context, Object origin)
    {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getOrigin() == origin && s.getLevel() == Status.ERROR)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }
}
