package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The smoke test that {@code scripts/compat.sh} runs against each Log4j2 version it covers: an XML configuration with
 * the default options in an all-asynchronous context (async loggers on the Disruptor the application supplies),
 * events with thread context values, and everything read back from the strict fake service. When the build was given
 * {@code -Dlog4j.version} or {@code -Ddisruptor.version}, the test first checks that these are the versions it runs
 * on.
 */
class CompatibilitySmokeTest
{
    private static final int EVENTS = 200;

    @AfterEach
    void clear()
    {
        ThreadContext.clearAll();
        System.clearProperty("cwl.test.endpoint");
        System.clearProperty("cwl.test.logGroup");
    }

    @Test
    void anXmlConfiguredAppenderBehindAsyncLoggersDeliversEveryEventInOrderOnTheVersionsOfThisBuild()
            throws Exception
    {
        assertRequested("log4j.version", loadedLog4jVersion());
        assertRequested("disruptor.version", loadedDisruptorJar().replaceAll("^disruptor-(.*)\\.jar$", "$1"));
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            String group = "/test/log4j2/compat-" + UUID.randomUUID();
            System.setProperty("cwl.test.endpoint", server.endpoint());
            System.setProperty("cwl.test.logGroup", group);
            LoggerContext context = new AsyncLoggerContext("compat", null,
                    CompatibilitySmokeTest.class.getResource("/log4j2-compat-smoke.xml").toURI());
            context.start();
            CloudWatchLogsAppender appender = context.getConfiguration().getAppender("CLOUDWATCH");
            assertThat(appender).as("the CloudWatchLogs appender of the XML configuration").isNotNull();
            assertThat(appender.isStarted()).isTrue();

            Logger logger = context.getLogger("com.example.Orders");
            assertThat(logger).isInstanceOf(AsyncLogger.class);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++)
            {
                ThreadContext.put("orderId", "o-" + i);
                logger.info("order {} placed", i);
                expected.add("INFO  o-" + i + " com.example.Orders - order " + i + " placed");
            }
            context.stop();

            EngineStatistics stats = appender.getStatistics();
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(EVENTS);
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
            assertThat(server.storedEvents(group, "compat").stream().map(StoredEvent::message)
                    .collect(Collectors.toList())).containsExactlyElementsOf(expected);
        }
    }

    private static void assertRequested(String property, String loaded)
    {
        String requested = System.getProperty(property);
        if (requested != null && !requested.trim().isEmpty())
        {
            assertThat(loaded).as("%s on the test class path", property).isEqualTo(requested.trim());
        }
    }

    /** The version in log4j-core's own Maven metadata, as the class path has it. */
    private static String loadedLog4jVersion() throws IOException
    {
        try (InputStream in = LoggerContext.class.getResourceAsStream(
                "/META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"))
        {
            assertThat(in).as("log4j-core's pom.properties").isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    /** The file name of the jar Log4j2's async loggers load the Disruptor from (its own has no version metadata). */
    private static String loadedDisruptorJar() throws Exception
    {
        Class<?> ring = Class.forName("com.lmax.disruptor.RingBuffer");
        return Paths.get(ring.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
