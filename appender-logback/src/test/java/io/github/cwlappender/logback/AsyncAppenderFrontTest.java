package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Behind an {@code AsyncAppender}, our appender waits for buffer room on the queue's single worker thread, and the
 * sender thread that frees that room runs the AWS SDK, which logs at DEBUG into the same queue. Were those events
 * queued, the sender would wait for the worker and the worker for the sender. The SDK logs through SLF4J, that is
 * into Logback's global context, which this test configures.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncAppenderFrontTest
{
    private static final int EVENTS = 1500;
    private static final String PAYLOAD = "x".repeat(10_000);

    private final LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreTheDefaultConfiguration() throws Exception
    {
        global.reset();
        new ContextInitializer(global).autoConfig();
    }

    @Test
    void aBurstThatFillsTheBufferNeitherDeadlocksNorLosesAnEventWhileTheSdkLogsAtDebug() throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            server.faults().slowResponses(Duration.ofMillis(250));
            String group = "/test/logback/async-front-" + UUID.randomUUID();
            CloudWatchLogsAppender appender = configure(server, group);
            assertSdkDebugReachesTheAppender(server, group, appender);

            Logger logger = global.getLogger("com.example.Orders");
            for (int i = 0; i < EVENTS; i++)
            {
                logger.info("event {} {}", i, PAYLOAD);
            }
            // Everything the queue took has reached our appender: accepted, apart from the SDK's refused events.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                EngineStatistics now = appender.getStatistics();
                assertThat(handedOver(now)).as("%s", now).isEqualTo(EVENTS);
            });
            assertThat(appender.flush(Duration.ofSeconds(30))).as("flush").isTrue();

            EngineStatistics stats = appender.getStatistics();
            assertThat(stats.dropped(DropReason.BUFFER_FULL)).as("%s", stats).isZero();
            assertThat(stats.delivered()).as("%s", stats).isEqualTo(EVENTS);
            assertThat(stats.accepted()).isEqualTo(stats.delivered() + stats.dropped(DropReason.RECURSION));
            assertThat(server.storedEvents(group, "async-front").stream().map(StoredEvent::message)
                    .map(m -> m.substring(0, m.indexOf(' ', 6))).collect(Collectors.toSet())).hasSize(EVENTS);
        }
    }

    private CloudWatchLogsAppender configure(StrictCloudWatchLogsServer server, String group) throws Exception
    {
        global.reset();
        global.putProperty("cwl.test.endpoint", server.endpoint());
        global.putProperty("cwl.test.logGroup", group);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(global);
        configurator.doConfigure(getClass().getResource("/logback-async-front.xml"));
        AsyncAppender async = (AsyncAppender) global.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
        CloudWatchLogsAppender appender = (CloudWatchLogsAppender) async.getAppender("CLOUDWATCH");
        assertThat(appender.isStarted()).as("%s", global.getStatusManager().getCopyOfStatusList()).isTrue();
        return appender;
    }

    /**
     * The SDK called on a thread named as one of its own background threads logs at DEBUG through the queue into our
     * appender, which refuses it by that thread (the same SDK called on an application thread would be delivered).
     */
    private static void assertSdkDebugReachesTheAppender(StrictCloudWatchLogsServer server, String group,
            CloudWatchLogsAppender appender) throws InterruptedException
    {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.hasLogStream(group, "async-front"));
        Thread sdkThread = new Thread(() -> server.client().describeLogStreams(request -> request.logGroupName(group)),
                "sdk-async-response-0-1");
        sdkThread.start();
        sdkThread.join();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> appender.getStatistics().dropped(DropReason.RECURSION) > 0);
    }

    private static long handedOver(EngineStatistics stats)
    {
        return stats.accepted() - stats.dropped(DropReason.RECURSION);
    }
}
