package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cwlappender.core.CloudWatchLogs;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.FlushResult;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a Lambda handler or a short job does before it returns: {@code CloudWatchLogs.flushAll} from application code
 * reaches an appender configured from log4j2.xml, with the default one-second linger. The context is a private one,
 * not the global one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlushAllTest
{
    private static final int EVENTS = 200;
    private static final String STREAM = "flush-all";

    @AfterEach
    void clearProperties()
    {
        System.clearProperty("cwl.test.endpoint");
        System.clearProperty("cwl.test.logGroup");
    }

    @Test
    void flushAllReturnsOnlyOnceEveryEventLoggedBeforeItIsStored() throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            String group = "/test/log4j2/flush-all-" + UUID.randomUUID();
            System.setProperty("cwl.test.endpoint", server.endpoint());
            System.setProperty("cwl.test.logGroup", group);
            LoggerContext context = new LoggerContext("flush-all", null,
                    FlushAllTest.class.getResource("/log4j2-flush-all.xml").toURI());
            context.start();
            try
            {
                CloudWatchLogsAppender appender = context.getConfiguration().getAppender("CLOUDWATCH");
                assertThat(appender).as("appender from log4j2-flush-all.xml").isNotNull();
                assertThat(appender.isStarted()).isTrue();
                // The start-up warm-up has made the stream; from here events wait only for their batch to be sealed.
                await().atMost(Duration.ofSeconds(10)).until(() -> server.hasLogStream(group, STREAM));

                Logger logger = context.getLogger("com.example.Orders");
                for (int i = 0; i < EVENTS; i++)
                {
                    logger.info("order {}", i);
                }
                FlushResult result = CloudWatchLogs.flushAll(Duration.ofSeconds(5));
                // Read at once: the one-second linger would only now start to deliver them, had flushAll not.
                List<String> stored = server.storedEvents(group, STREAM).stream().map(StoredEvent::message)
                        .collect(Collectors.toList());

                assertThat(stored).as("%s", result).containsExactlyElementsOf(IntStream.range(0, EVENTS)
                        .mapToObj(i -> "order " + i).collect(Collectors.toList()));
                EngineStatistics stats = appender.getStatistics();
                assertThat(stats.delivered()).as("%s", stats).isEqualTo(EVENTS);
                assertThat(stats.isBalanced()).isTrue();
                assertThat(result.appenders()).isPositive();
            }
            finally
            {
                context.stop();
            }
        }
    }
}
