package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lost events are reported without any status configuration: Logback itself shows no status at run time unless a
 * status listener is configured. The endpoint is down, so the smallest buffer fills with a few large events and the
 * rest is dropped at once.
 */
class LossReportTest
{
    private static final String LARGE = "x".repeat(100_000);

    @Test
    void withNoStatusConfigurationADropEpisodeIsPrintedToStandardError() throws JoranException
    {
        String printed = printedWhileEventsAreDropped("/logback-loss-report.xml");

        assertThat(printed.lines().filter(l -> l.contains("dropping events")).findFirst()).hasValueSatisfying(
                line -> assertThat(line).contains("|-WARN in ").contains("CloudWatch Logs appender [CLOUDWATCH]: ")
                        .contains("BUFFER_FULL"));
    }

    @Test
    void withANopStatusListenerNothingIsPrinted() throws JoranException
    {
        String printed = printedWhileEventsAreDropped("/logback-loss-report-silenced.xml");

        assertThat(printed).doesNotContain("CloudWatch Logs appender");
    }

    /** Everything printed to System.err from configuration until the context has stopped, after a drop report. */
    private static String printedWhileEventsAreDropped(String resource) throws JoranException
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
                StandardError stderr = new StandardError())
        {
            server.faults().outageFor(Duration.ofMinutes(1));
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            context.putProperty("cwl.test.endpoint", server.endpoint());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LossReportTest.class.getResource(resource));
            CloudWatchLogsAppender appender = (CloudWatchLogsAppender) context.getLogger(Logger.ROOT_LOGGER_NAME)
                    .getAppender("CLOUDWATCH");
            assertThat(appender.isStarted()).isTrue();

            for (int i = 0; i < 60; i++)
            {
                context.getLogger("com.example.Orders").info("order {} {}", i, LARGE);
            }
            // The report is in the status manager whether or not anything prints it.
            await().atMost(Duration.ofSeconds(10)).until(() -> context.getStatusManager().getCopyOfStatusList()
                    .stream().map(Status::getMessage).anyMatch(m -> m.contains("dropping events")));
            context.stop();

            assertThat(appender.getStatistics().dropped(DropReason.BUFFER_FULL)).isPositive();
            return stderr.text();
        }
    }
}
