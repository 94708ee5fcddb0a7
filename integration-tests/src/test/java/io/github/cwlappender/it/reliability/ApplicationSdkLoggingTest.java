package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.logback.CloudWatchLogsAppender;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The application uses the AWS SDK itself, with the root logger at TRACE: what the SDK and the JDK's HTTP client log
 * for the application's own calls, on its own thread, is delivered like any other event; what they log for the
 * appender's requests, on the appender's threads, is not, and nothing feeds back. Default options but the endpoint.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApplicationSdkLoggingTest
{
    private static final String GROUP = "/cwl/reliability/application-sdk";
    private static final String STREAM = "application-sdk";

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreLogging() throws Exception
    {
        logback.reset();
        new ContextInitializer(logback).autoConfig();
    }

    @Test
    void theApplicationsOwnSdkLoggingIsDeliveredAndTheAppendersOwnNeverFeedsBack() throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
                JulToSlf4j jdkHttp = JulToSlf4j.install("sun.net.www.protocol.http"))
        {
            CloudWatchLogsAppender appender = configure(server.endpoint());

            // The application's own SDK client, called on this thread (once the appender's warm start has made the
            // log group that it asks about).
            await().atMost(Duration.ofSeconds(30)).until(() -> server.hasLogStream(GROUP, STREAM));
            server.client().describeLogStreams(request -> request.logGroupName(GROUP));
            LoggerFactory.getLogger("com.example.Orders").info("application event");
            assertThat(appender.flush(Duration.ofSeconds(60))).isTrue();
            long putsAfterFlush = server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS);
            String thisThread = Thread.currentThread().getName();
            appender.stop();

            List<String> stored = server.storedEvents(GROUP, STREAM).stream().map(StoredEvent::message)
                    .collect(Collectors.toList());
            EngineStatistics stats = appender.getStatistics();
            assertThat(stored).contains(thisThread + "|com.example.Orders|application event");
            assertThat(stored).as("the SDK's records of the application's call")
                    .anyMatch(m -> m.startsWith(thisThread + "|software.amazon.awssdk"));
            assertThat(stored).as("the JDK HTTP client's records of the application's call")
                    .anyMatch(m -> m.startsWith(thisThread + "|sun.net.www.protocol.http"));
            assertThat(stored).as("records logged on the appender's or the SDK's own threads")
                    .allMatch(m -> m.startsWith(thisThread + "|"));
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(stored.size());
            assertThat(stats.dropped()).isEqualTo(stats.dropped(DropReason.RECURSION));
            assertThat(stats.isBalanced()).isTrue();
            // No loop: the final delivery at stop is the only request after the flush.
            assertThat(server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS)).isLessThanOrEqualTo(
                    putsAfterFlush + 1);
        }
    }

    private CloudWatchLogsAppender configure(String endpoint) throws Exception
    {
        String xml = "<configuration>"
                + "<appender name='CLOUDWATCH' class='io.github.cwlappender.logback.CloudWatchLogsAppender'>"
                + "<logGroup>" + GROUP + "</logGroup><logStream>" + STREAM + "</logStream>"
                + "<region>us-east-1</region><endpoint>" + endpoint + "</endpoint>"
                + "<layout><pattern>%thread|%logger|%msg</pattern></layout>"
                + "</appender>"
                + "<root level='TRACE'><appender-ref ref='CLOUDWATCH'/></root>"
                + "</configuration>";
        logback.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logback);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        CloudWatchLogsAppender appender = (CloudWatchLogsAppender) logback.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
        assertThat(appender).isNotNull();
        assertThat(appender.isStarted()).as("%s", logback.getStatusManager().getCopyOfStatusList()).isTrue();
        return appender;
    }
}
