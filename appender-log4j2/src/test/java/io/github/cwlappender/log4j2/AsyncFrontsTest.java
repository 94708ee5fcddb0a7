package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behind an asynchronous front, our appender waits for buffer room on the front's single background thread, and the
 * sender thread that frees that room runs the AWS SDK, which logs at DEBUG into the same front. Were those events
 * queued, the sender would wait for the background thread and the background thread for the sender. The SDK logs
 * through SLF4J, that is into Log4j2's default context, which these tests configure (and set back, without
 * stopping it: the SDK's loggers stay bound to it for the rest of the run).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AsyncFrontsTest
{
    private static final int EVENTS = 1500;
    private static final String PAYLOAD = "x".repeat(10_000);
    private static final String RING_SIZE = "AsyncLoggerConfig.RingBufferSize";

    private final LoggerContext global = (LoggerContext) LogManager.getContext(false);

    @AfterEach
    void restoreTheDefaultConfiguration()
    {
        global.setConfiguration(new DefaultConfiguration());
        System.clearProperty("cwl.test.endpoint");
        System.clearProperty("cwl.test.logGroup");
        System.clearProperty(RING_SIZE);
    }

    @Test
    void behindAnAsyncAppenderABurstThatFillsTheBufferNeitherDeadlocksNorLosesAnEvent() throws Exception
    {
        assertBurstIsDeliveredExactlyOnce("/log4j2-async-appender-front.xml");
    }

    /**
     * Here, with the SDK's events from the sender threads let in, they compete with the application's for the full
     * ring: Log4j2 2.25.3 (with Disruptor 4) discards an event that finds another producer already waiting for a
     * slot, so either the SDK's events or the application's own go missing before reaching any appender, or the
     * sender waits for the ring.
     */
    @Test
    void behindAnAsyncRootABurstThatFillsTheBufferNeitherDeadlocksNorLosesAnEvent() throws Exception
    {
        System.setProperty(RING_SIZE, "128");
        assertBurstIsDeliveredExactlyOnce("/log4j2-async-root-front.xml");
    }

    private void assertBurstIsDeliveredExactlyOnce(String resource) throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            server.faults().slowResponses(Duration.ofMillis(250));
            String group = "/test/log4j2/async-front-" + UUID.randomUUID();
            System.setProperty("cwl.test.endpoint", server.endpoint());
            System.setProperty("cwl.test.logGroup", group);
            global.setConfigLocation(getClass().getResource(resource).toURI());
            CloudWatchLogsAppender appender = global.getConfiguration().getAppender("CLOUDWATCH");
            assertThat(appender).as("appender from %s", resource).isNotNull();
            assertSdkDebugReachesTheAppender(server, group, appender);

            Logger logger = global.getLogger("com.example.Orders");
            for (int i = 0; i < EVENTS; i++)
            {
                logger.info("event {} {}", i, PAYLOAD);
            }
            // Everything the front took has reached our appender: accepted, apart from the SDK's refused events.
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

    /**
     * The SDK called on a thread named as one of its own background threads logs at DEBUG through the front into our
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
