package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusConsoleListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lost events are reported without any status configuration, where Log4j2's StatusLogger prints errors only (to
 * {@code System.err}, through its fallback listener). The endpoint is down, so the smallest buffer fills with a few
 * large events and the rest is dropped at once.
 */
class LossReportTest
{
    private static final String LARGE = "x".repeat(100_000);

    private final StatusConsoleListener fallback = StatusLogger.getLogger().getFallbackListener();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private Level fallbackLevel;

    @BeforeEach
    void captureWhatTheStatusLoggerPrints()
    {
        assertThat(StatusLogger.getLogger().getListeners()).as("no status listener registered by other tests")
                .isEmpty();
        fallbackLevel = fallback.getStatusLevel();
        assertThat(fallbackLevel).as("the StatusLogger's level without configuration").isEqualTo(Level.ERROR);
        // What the fallback listener would write to System.err, written here too.
        fallback.setStream(new PrintStream(new TeeToStandardError(printed), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTheStatusLogger()
    {
        fallback.setStream(System.err);
        fallback.setLevel(fallbackLevel);
        System.clearProperty("cwl.test.endpoint");
    }

    @Test
    void withNoStatusConfigurationADropEpisodeIsPrintedToStandardError() throws URISyntaxException
    {
        String printed = printedWhileEventsAreDropped("/log4j2-loss-report.xml");

        assertThat(printed.lines().filter(l -> l.contains("dropping events")).findFirst()).hasValueSatisfying(
                line -> assertThat(line).contains("ERROR CloudWatch Logs appender [CLOUDWATCH]: ")
                        .contains("BUFFER_FULL"));
    }

    @Test
    void withStatusOffNothingIsPrinted() throws URISyntaxException
    {
        String printed = printedWhileEventsAreDropped("/log4j2-loss-report-silenced.xml");

        assertThat(printed).doesNotContain("CloudWatch Logs appender");
    }

    /**
     * What the StatusLogger printed from configuration until the context has stopped: after the drop report, or
     * after a second longer than the engine takes to make one (a tenth of a second).
     */
    private String printedWhileEventsAreDropped(String resource) throws URISyntaxException
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            server.faults().outageFor(Duration.ofMinutes(1));
            System.setProperty("cwl.test.endpoint", server.endpoint());
            LoggerContext context = new LoggerContext("loss-report", null,
                    LossReportTest.class.getResource(resource).toURI());
            context.start();
            CloudWatchLogsAppender appender = context.getConfiguration().getAppender("CLOUDWATCH");
            assertThat(appender.isStarted()).isTrue();

            for (int i = 0; i < 60; i++)
            {
                context.getLogger("com.example.Orders").info("order {} {}", i, LARGE);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> appender.getStatistics().dropped(DropReason.BUFFER_FULL) > 0);
            long firstDrop = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).until(() -> printed().contains("dropping events")
                    || System.nanoTime() - firstDrop > TimeUnit.SECONDS.toNanos(1));
            context.stop();
            return printed();
        }
    }

    private String printed()
    {
        synchronized (printed)
        {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    /** Keeps a copy and passes everything on to {@code System.err}. */
    private static final class TeeToStandardError extends java.io.OutputStream
    {
        private final ByteArrayOutputStream copy;

        TeeToStandardError(ByteArrayOutputStream copy)
        {
            this.copy = copy;
        }

        @Override
        public void write(int b)
        {
            synchronized (copy)
            {
                copy.write(b);
            }
            System.err.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len)
        {
            synchronized (copy)
            {
                copy.write(b, off, len);
            }
            System.err.write(b, off, len);
        }
    }
}
