package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logback reconfiguring while the appender runs: what {@code scan} and {@code JoranConfigurator} do, a reset of the
 * context followed by a new configuration. Default options but the endpoint, against the strict fake service.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReconfigurationTest
{
    private static final String GROUP = "/test/logback/reconfigure";

    @Test
    void twentyReconfigurationsLeaveNoEngineThreadBehind() throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = newContext();
            configure(context, server.endpoint(), "");
            context.getLogger("com.example.Orders").info("warm");
            await().atMost(Duration.ofSeconds(30)).until(() -> server.storedEvents(GROUP, "reset").size() == 1);
            int threadsBefore = Thread.activeCount();

            for (int i = 0; i < 20; i++)
            {
                context.getLogger("com.example.Orders").info("before reconfiguration {}", i);
                reconfigure(context, server.endpoint(), "");
            }

            // The engines the resets replaced end; one engine runs.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(engineThreads())
                    .noneMatch(name -> name.contains("-stopper-"))
                    .filteredOn(name -> name.contains("-batcher-")).hasSize(1));
            assertThat(engineThreads()).filteredOn(name -> name.contains("-sender-")).hasSizeLessThanOrEqualTo(2);
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 3);
            context.stop();
            assertThat(server.storedEvents(GROUP, "reset")).hasSize(21);
        }
    }

    @Test
    void aChangedFileSeenByScanLosesNothing(@TempDir Path dir) throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            Path file = dir.resolve("logback.xml");
            Files.writeString(file, xml(server.endpoint(), "", "before %msg", true));
            LoggerContext context = newContext();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(file.toFile());
            CloudWatchLogsAppender first = appender(context);
            for (int i = 0; i < 100; i++)
            {
                context.getLogger("com.example.Orders").info("order {}", i);
            }

            Files.writeString(file, xml(server.endpoint(), "", "after %msg", true));
            assertThat(file.toFile().setLastModified(System.currentTimeMillis() + 5_000)).isTrue();
            // Seen by what scan leaves behind (Logback's configuration events differ from line to line): a new,
            // started appender in place of the first.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                CloudWatchLogsAppender now = appender(context);
                return now != null && now != first && now.isStarted();
            });
            context.getLogger("com.example.Orders").info("last");
            context.stop();

            assertThat(first.getStatistics().delivered()).as("%s", first.getStatistics()).isEqualTo(100);
            assertThat(messages(server.storedEvents(GROUP, "reset"))).hasSize(101).contains("before order 99",
                    "after last");
            assertThat(engineThreads()).isEmpty();
        }
    }

    @Test
    void eventsAcceptedBeforeAReconfigurationAreDeliveredByTheEngineItReplaced() throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = newContext();
            configure(context, server.endpoint(), "");
            CloudWatchLogsAppender before = appender(context);
            List<String> logged = new ArrayList<>();
            for (int i = 0; i < 500; i++)
            {
                context.getLogger("com.example.Orders").info("order {}", i);
                logged.add("order " + i);
            }

            reconfigure(context, server.endpoint(), "");
            context.getLogger("com.example.Orders").info("after");
            context.stop();

            EngineStatistics stats = before.getStatistics();
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(500);
            assertThat(stats.isBalanced()).isTrue();
            assertThat(messages(server.storedEvents(GROUP, "reset"))).containsAll(logged).contains("after")
                    .hasSize(501);
        }
    }

    @Test
    void aReconfigurationIsNotHeldForShutdownTimeoutMillisWhileTheEndpointIsUnreachableAndStopStillCountsTheLoss()
            throws Exception
    {
        // A port that answers no one: connections are refused.
        String unreachable;
        try (ServerSocket closed = new ServerSocket(0))
        {
            unreachable = "http://127.0.0.1:" + closed.getLocalPort();
        }
        LoggerContext context = newContext();
        configure(context, unreachable, "");
        CloudWatchLogsAppender before = appender(context);
        for (int i = 0; i < 10; i++)
        {
            context.getLogger("com.example.Orders").info("order {}", i);
        }

        long started = System.nanoTime();
        context.reset();
        long resetMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        configure(context, unreachable, "");
        long reconfigureMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("Logback reset with an unreachable endpoint took " + resetMillis + " ms, with the new"
                + " configuration " + reconfigureMillis + " ms (shutdownTimeoutMillis at its default, 10000)");

        // The reset waits half a second for the old engine, then leaves it: far below its 10 s shutdown timeout, with
        // room for a loaded machine.
        assertThat(resetMillis).isLessThan(3000);
        assertThat(reconfigureMillis).isLessThan(4000);
        assertThat(before.isStarted()).isFalse();
        // Stopping the context waits for the engine the reset left finishing, until its own deadline.
        context.stop();
        EngineStatistics stats = before.getStatistics();
        assertThat(stats.dropped(DropReason.SHUTDOWN)).as("%s", stats).isEqualTo(10);
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void anAppenderStoppedDirectlyStillWaitsForItsDelivery() throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = newContext();
            configure(context, server.endpoint(), "<lingerMillis>60000</lingerMillis>");
            CloudWatchLogsAppender appender = appender(context);
            context.getLogger("com.example.Orders").info("last words");

            appender.stop();

            assertThat(messages(server.storedEvents(GROUP, "reset"))).containsExactly("last words");
            context.stop();
        }
    }

    private static LoggerContext newContext()
    {
        LoggerContext context = new LoggerContext();
        context.setName("reconfigure");
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        return context;
    }

    /** As Logback's scan does: reset the context, then configure it again. */
    private static void reconfigure(LoggerContext context, String endpoint, String extraOptions)
            throws JoranException
    {
        context.reset();
        configure(context, endpoint, extraOptions);
    }

    private static void configure(LoggerContext context, String endpoint, String extraOptions)
            throws JoranException
    {
        String xml = xml(endpoint, extraOptions, "%msg", false);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(appender(context)).as("status: %s", context.getStatusManager().getCopyOfStatusList())
                .isNotNull().matches(CloudWatchLogsAppender::isStarted);
    }

    private static String xml(String endpoint, String extraOptions, String pattern, boolean scan)
    {
        return "<configuration" + (scan ? " scan='true' scanPeriod='500 milliseconds'" : "") + ">"
                + "<appender name='CLOUDWATCH' class='io.github.cwlappender.logback.CloudWatchLogsAppender'>"
                + "<logGroup>" + GROUP + "</logGroup><logStream>reset</logStream>"
                + "<region>us-east-1</region><endpoint>" + endpoint + "</endpoint>" + extraOptions
                + "<layout><pattern>" + pattern + "</pattern></layout>"
                + "</appender>"
                + "<root level='INFO'><appender-ref ref='CLOUDWATCH'/></root>"
                + "</configuration>";
    }

    private static CloudWatchLogsAppender appender(LoggerContext context)
    {
        return (CloudWatchLogsAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
    }

    private static List<String> engineThreads()
    {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("cwl-CLOUDWATCH-")).collect(Collectors.toList());
    }

    private static List<String> messages(List<StoredEvent> events)
    {
        return events.stream().map(StoredEvent::message).collect(Collectors.toList());
    }
}
