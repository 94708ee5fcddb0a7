package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.internal.AwsSdkVersionCheck;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The smoke test that {@code scripts/compat.sh} runs against each Logback line it covers: an XML configuration with
 * the default options, events with MDC values, and everything read back from the strict fake service. When the
 * build was given {@code -Dlogback.version}, the test first checks that this is the Logback it runs on.
 */
class CompatibilitySmokeTest
{
    private static final int EVENTS = 200;

    @Test
    void anXmlConfiguredAppenderDeliversEveryEventInOrderOnTheLogbackVersionOfThisBuild() throws Exception
    {
        String sdk = AwsSdkVersionCheck.installedVersion();
        assumeTrue(AwsSdkVersionCheck.problem(sdk) == null, "AWS SDK " + sdk + " is older than the oldest supported "
                + "one: onAnSdkOlderThanTheOldestSupportedTheAppenderDoesNotStartAndSaysWhy covers it");
        String requested = System.getProperty("logback.version");
        if (requested != null && !requested.trim().isEmpty())
        {
            assertThat(loadedLogbackVersion()).as("logback-classic on the test class path").isEqualTo(requested);
        }
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            String group = "/test/logback/compat-" + UUID.randomUUID();
            LoggerContext context = configure(server, group);
            CloudWatchLogsAppender appender = (CloudWatchLogsAppender) context.getLogger(Logger.ROOT_LOGGER_NAME)
                    .getAppender("CLOUDWATCH");
            assertThat(appender.isStarted()).as("%s", context.getStatusManager().getCopyOfStatusList()).isTrue();

            Logger logger = context.getLogger("com.example.Orders");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++)
            {
                context.getMDCAdapter().put("orderId", "o-" + i);
                logger.info("order {} placed", i);
                expected.add("INFO  o-" + i + " com.example.Orders - order " + i + " placed");
            }
            context.getMDCAdapter().clear();
            context.stop();

            EngineStatistics stats = appender.getStatistics();
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(EVENTS);
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
            assertThat(server.storedEvents(group, "compat").stream().map(StoredEvent::message)
                    .collect(Collectors.toList())).containsExactlyElementsOf(expected);
            assertThat(context.getStatusManager().getCopyOfStatusList()).as("status messages")
                    .noneMatch(s -> s.getLevel() >= Status.WARN);
        }
    }

    @Test
    void onAnSdkOlderThanTheOldestSupportedTheAppenderDoesNotStartAndSaysWhy() throws Exception
    {
        String sdk = AwsSdkVersionCheck.installedVersion();
        assumeTrue(AwsSdkVersionCheck.problem(sdk) != null, "AWS SDK " + sdk + " is supported; scripts/compat.sh "
                + "runs this test on an older one (-Daws.sdk.version=2.25.70)");
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = configure(server, "/test/logback/compat-old-sdk");
            CloudWatchLogsAppender appender = (CloudWatchLogsAppender) context.getLogger(Logger.ROOT_LOGGER_NAME)
                    .getAppender("CLOUDWATCH");
            context.getLogger("com.example.Orders").info("never sent");
            context.stop();

            assertThat(context.getStatusManager().getCopyOfStatusList()).as("status messages")
                    .anyMatch(s -> s.getLevel() == Status.ERROR && s.getMessage().contains("version " + sdk)
                            && s.getMessage().contains("needs " + AwsSdkVersionCheck.OLDEST_SUPPORTED));
            assertThat(server.storedEvents()).isEmpty();
            EngineStatistics stats = appender.getStatistics();
            assertThat(stats.dropped(DropReason.SHUTDOWN)).as("%s", stats).isEqualTo(1);
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
        }
    }

    private static LoggerContext configure(StrictCloudWatchLogsServer server, String group) throws Exception
    {
        LoggerContext context = new LoggerContext();
        context.setName("compat");
        // A context made by hand has no MDC adapter; SLF4J's provider would install one in the global context.
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("cwl.test.endpoint", server.endpoint());
        context.putProperty("cwl.test.logGroup", group);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(CompatibilitySmokeTest.class.getResource("/logback-compat-smoke.xml"));
        return context;
    }

    /** The version in logback-classic's own Maven metadata, as the class path has it. */
    private static String loadedLogbackVersion() throws IOException
    {
        try (InputStream in = LoggerContext.class.getResourceAsStream(
                "/META-INF/maven/ch.qos.logback/logback-classic/pom.properties"))
        {
            assertThat(in).as("logback-classic's pom.properties").isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
