package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log4j2 reconfiguring while the appender runs ({@code monitorInterval}, {@code Configurator.reconfigure},
 * {@code LoggerContext.reconfigure}: each builds and starts the new configuration, then stops the old one). Default
 * options but the endpoint, against the strict fake service.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReconfigurationTest
{
    private static final String GROUP = "/test/log4j2/reconfigure";

    @Test
    void twentyReconfigurationsToTheSameDestinationKeepTheEngineAndMakeNoThread() throws IOException
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = new LoggerContext("reconfigure-same");
            context.start(configuration(context, server.endpoint(), "same", ""));
            CloudWatchLogsAppender first = appender(context);
            context.getLogger("com.example.Orders").info("warm");
            await().atMost(Duration.ofSeconds(30)).until(() -> server.storedEvents(GROUP, "same").size() == 1);
            Set<Thread> engineThreadsBefore = engineThreads();
            int threadsBefore = Thread.activeCount();

            for (int i = 0; i < 20; i++)
            {
                context.getLogger("com.example.Orders").info("before reconfiguration {}", i);
                context.reconfigure(configuration(context, server.endpoint(), "same", ""));
            }
            CloudWatchLogsAppender last = appender(context);
            context.getLogger("com.example.Orders").info("after");
            assertThat(last.flush(Duration.ofSeconds(30))).isTrue();

            assertThat(last).isNotSameAs(first);
            // The same batcher thread, and no engine thread but those the first engine had or may add (senders).
            assertThat(engineThreads()).filteredOn(t -> t.getName().contains("-batcher-"))
                    .containsExactlyElementsOf(batchers(engineThreadsBefore));
            assertThat(engineThreads()).hasSizeLessThanOrEqualTo(3)
                    .noneMatch(t -> t.getName().contains("-stopper-"));
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
            // One engine throughout: the first appender's counts are the last one's.
            assertThat(first.getStatistics().delivered()).isEqualTo(22);
            assertThat(server.storedEvents(GROUP, "same")).hasSize(22);
            context.stop();
        }
    }

    @Test
    void aChangedFileSeenByMonitorIntervalKeepsTheEngine(@TempDir Path dir) throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            Path file = dir.resolve("log4j2.xml");
            Files.writeString(file, xml(server.endpoint(), "monitored", "", "before %m"));
            LoggerContext context = new LoggerContext("monitored", null, file.toUri());
            context.start();
            CloudWatchLogsAppender first = appender(context);
            context.getLogger("com.example.Orders").info("one");
            assertThat(first.flush(Duration.ofSeconds(30))).isTrue();
            List<Thread> batcher = batchers(engineThreads());

            Files.writeString(file, xml(server.endpoint(), "monitored", "", "after %m"));
            assertThat(file.toFile().setLastModified(System.currentTimeMillis() + 5_000)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                context.getLogger("com.example.Orders").info("waiting");
                return context.getConfiguration().getAppender("CLOUDWATCH") != first;
            });
            context.getLogger("com.example.Orders").info("two");
            assertThat(appender(context).flush(Duration.ofSeconds(30))).isTrue();

            assertThat(batchers(engineThreads())).isEqualTo(batcher);
            List<String> stored = messages(server.storedEvents(GROUP, "monitored"));
            assertThat(stored).contains("before one", "after two");
            assertThat(first.getStatistics().isBalanced()).isTrue();
            assertThat(first.getStatistics().delivered()).isEqualTo(stored.size());
            context.stop();
        }
    }

    @Test
    void aReconfigurationToAnotherDestinationReleasesTheOldEngineAfterItDeliveredWhatItHeld() throws IOException
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = new LoggerContext("reconfigure-other");
            context.start(configuration(context, server.endpoint(), "one", ""));
            CloudWatchLogsAppender before = appender(context);
            for (int i = 0; i < 300; i++)
            {
                context.getLogger("com.example.Orders").info("order {}", i);
            }

            context.reconfigure(configuration(context, server.endpoint(), "two", ""));
            context.getLogger("com.example.Orders").info("after");
            context.stop();

            await().atMost(Duration.ofSeconds(30)).until(() -> engineThreads().isEmpty());
            EngineStatistics stats = before.getStatistics();
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(300);
            assertThat(stats.isBalanced()).isTrue();
            assertThat(messages(server.storedEvents(GROUP, "one"))).hasSize(300).doesNotContain("after");
            assertThat(messages(server.storedEvents(GROUP, "two"))).containsExactly("after");
        }
    }

    @Test
    void aReconfigurationAwayFromAnUnreachableEndpointIsNotHeldAndTheLossIsCounted() throws IOException
    {
        String unreachable;
        try (ServerSocket closed = new ServerSocket(0))
        {
            unreachable = "http://127.0.0.1:" + closed.getLocalPort();
        }
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = new LoggerContext("reconfigure-unreachable");
            context.start(configuration(context, unreachable, "lost", ""));
            CloudWatchLogsAppender before = appender(context);
            for (int i = 0; i < 10; i++)
            {
                context.getLogger("com.example.Orders").info("order {}", i);
            }

            Configuration next = configuration(context, server.endpoint(), "healthy", "");
            long started = System.nanoTime();
            context.reconfigure(next);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("Log4j2 reconfiguration away from an unreachable endpoint took " + millis
                    + " ms (shutdownTimeoutMillis at its default, 10000)");

            // Half a second's wait for the old engine, far below its 10 s shutdown timeout, with room for a load.
            assertThat(millis).isLessThan(4000);
            context.getLogger("com.example.Orders").info("after");
            assertThat(appender(context).flush(Duration.ofSeconds(30))).isTrue();
            assertThat(messages(server.storedEvents(GROUP, "healthy"))).containsExactly("after");
            // Stopping the context waits for the old engine, which gives up at its own deadline and counts what it
            // could not deliver.
            context.stop();
            EngineStatistics stats = before.getStatistics();
            assertThat(stats.dropped(DropReason.SHUTDOWN)).as("%s", stats).isEqualTo(10);
            assertThat(stats.isBalanced()).isTrue();
        }
    }

    @Test
    void anAppenderStoppedAndStartedAgainDeliversAgain()
    {
        try (Fixture fixture = new Fixture().start())
        {
            fixture.logger("com.example.Orders").info("before the stop");
            fixture.appender.stop(10, TimeUnit.SECONDS);
            assertThat(fixture.appender.isStarted()).isFalse();

            fixture.appender.start();
            fixture.logger("com.example.Orders").info("after the restart");
            fixture.flush();

            assertThat(fixture.client.messages()).hasSize(2);
            assertThat(fixture.client.messages().get(1)).contains("after the restart");
            EngineStatistics stats = fixture.appender.getStatistics();
            assertThat(stats.delivered()).isEqualTo(1);
            assertThat(stats.dropped()).isZero();
        }
    }

    private static Configuration configuration(LoggerContext context, String endpoint, String stream,
            String extraAttributes) throws IOException
    {
        String xml = xml(endpoint, stream, extraAttributes, "%m");
        return ConfigurationFactory.getInstance().getConfiguration(context,
                new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static String xml(String endpoint, String stream, String extraAttributes, String pattern)
    {
        return "<Configuration status='warn' monitorInterval='1'><Appenders>"
                + "<CloudWatchLogs name='CLOUDWATCH' logGroup='" + GROUP + "' logStream='" + stream + "'"
                + " region='us-east-1' endpoint='" + endpoint + "' " + extraAttributes + ">"
                + "<PatternLayout pattern='" + pattern + "'/></CloudWatchLogs>"
                + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='CLOUDWATCH'/></Root></Loggers>"
                + "</Configuration>";
    }

    private static CloudWatchLogsAppender appender(LoggerContext context)
    {
        CloudWatchLogsAppender appender = context.getConfiguration().getAppender("CLOUDWATCH");
        assertThat(appender).isNotNull();
        assertThat(appender.isStarted()).isTrue();
        return appender;
    }

    private static Set<Thread> engineThreads()
    {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("cwl-CLOUDWATCH-"))
                .collect(Collectors.toSet());
    }

    private static List<Thread> batchers(Set<Thread> threads)
    {
        return threads.stream().filter(t -> t.getName().contains("-batcher-")).collect(Collectors.toList());
    }

    private static List<String> messages(List<StoredEvent> events)
    {
        return events.stream().map(StoredEvent::message).collect(Collectors.toList());
    }
}
