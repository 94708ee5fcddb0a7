package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.core.OversizePolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.filter.ThresholdFilter;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigurationTest
{
    private final Fixture.StatusCapture status = new Fixture.StatusCapture();
    private LoggerContext context;

    @AfterEach
    void close()
    {
        if (context != null)
        {
            context.stop();
        }
        StatusLogger.getLogger().removeListener(status);
    }

    @Test
    void everyXmlAttributeReachesTheEngine() throws URISyntaxException
    {
        CloudWatchLogsAppender appender = configure("/log4j2-all-options.xml").getConfiguration()
                .getAppender("CLOUDWATCH");

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

    @Test
    void nestedLayoutFilterAndIgnoreExceptionsAreTakenFromXml() throws URISyntaxException
    {
        CloudWatchLogsAppender appender = configure("/log4j2-all-options.xml").getConfiguration()
                .getAppender("CLOUDWATCH");

        assertThat(appender.getLayout()).isInstanceOf(PatternLayout.class);
        assertThat(((PatternLayout) appender.getLayout()).getConversionPattern()).isEqualTo("%level %msg");
        assertThat(appender.getFilter()).isInstanceOf(ThresholdFilter.class);
        assertThat(appender.ignoreExceptions()).isFalse();
    }

    @Test
    void everyXmlAttributeIsUnderstoodWithoutWarnings() throws URISyntaxException
    {
        configure("/log4j2-all-options.xml");

        assertThat(status.warningsAndErrors()).isEmpty();
    }

    @Test
    void wrongXmlValuesGiveOneErrorEachSayingWhatToWriteAndNoAppender() throws URISyntaxException
    {
        LoggerContext ctx = configure("/log4j2-wrong-options.xml");

        assertThat((Object) ctx.getConfiguration().getAppender("CLOUDWATCH")).isNull();
        List<String> errors = status.fromThisLibrary();
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
    }

    @Test
    void loggingWithAnAppenderThatWasNotCreatedThrowsNothing() throws URISyntaxException
    {
        LoggerContext ctx = configure("/log4j2-wrong-options.xml");

        ctx.getLogger("com.example.Orders").error("still fine", new IllegalStateException("boom"));

        assertThat(ctx.isStarted()).isTrue();
    }

    @Test
    void aMissingLogGroupIsReportedWithAnExample() throws URISyntaxException
    {
        LoggerContext ctx = configure("/log4j2-missing-log-group.xml");

        assertThat((Object) ctx.getConfiguration().getAppender("CLOUDWATCH")).isNull();
        assertThat(status.errors()).anySatisfy(e -> assertThat(e)
                .contains("logGroup is required, for example logGroup=\"/my-team/my-service\""));
    }

    @Test
    void thePluginCacheIsGeneratedAtBuildTime() throws IOException
    {
        List<URL> caches = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"));

        assertThat(caches).filteredOn(url -> !url.toString().contains("log4j-core"))
                .as("a plugin cache besides log4j-core's own").hasSize(1);
    }

    private LoggerContext configure(String resource) throws URISyntaxException
    {
        StatusLogger.getLogger().registerListener(status);
        context = new LoggerContext("xml", null, getClass().getResource(resource).toURI());
        context.start();
        return context;
    }
}
