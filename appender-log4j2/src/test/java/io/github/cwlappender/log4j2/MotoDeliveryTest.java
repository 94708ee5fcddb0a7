package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** The appender configured from XML, delivering through the real AWS SDK to moto. */
@ExtendWith(MotoServerExtension.class)
class MotoDeliveryTest
{
    @AfterEach
    void clearProperties()
    {
        System.clearProperty("cwl.test.endpoint");
        System.clearProperty("cwl.test.logGroup");
        System.clearProperty("cwl.test.level");
    }

    @Test
    void anXmlConfiguredAppenderDeliversEveryEventInOrder(MotoServer moto) throws URISyntaxException
    {
        String group = "/test/log4j2/xml-" + UUID.randomUUID();
        setProperties(moto, group, "INFO");
        LoggerContext context = new LoggerContext("moto-xml", null,
                getClass().getResource("/log4j2-moto.xml").toURI());
        context.start();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++)
        {
            context.getLogger("com.example.Orders").info("order {}", i);
            expected.add("INFO com.example.Orders order " + i);
        }

        context.stop();

        assertThat(messages(moto.readEvents(group, "xml"))).containsExactlyElementsOf(expected);
    }

    @Test
    void theSdksOwnDebugLoggingDuringRealDeliveryIsNeverSent(MotoServer moto) throws URISyntaxException
    {
        // The SDK logs through SLF4J, bridged to Log4j2's default context: configure that one, at DEBUG.
        String group = "/test/log4j2/sdk-debug-" + UUID.randomUUID();
        setProperties(moto, group, "DEBUG");
        LoggerContext global = (LoggerContext) LogManager.getContext(false);
        global.setConfigLocation(getClass().getResource("/log4j2-moto.xml").toURI());
        CloudWatchLogsAppender appender = global.getConfiguration().getAppender("CLOUDWATCH");
        try
        {
            for (int i = 0; i < 20; i++)
            {
                global.getLogger("com.example.Orders").info("order {}", i);
            }
            // A delivery while running as well as the final one at stop, both with the SDK logging at DEBUG.
            assertThat(appender.flush(Duration.ofSeconds(30))).isTrue();
            global.getLogger("com.example.Orders").info("order {}", 20);

            // Stops the configuration (and so the appender) but not the context: the SDK's loggers stay bound to this
            // context for the rest of the run, and later tests need them to log into it.
            global.setConfiguration(new DefaultConfiguration());

            EngineStatistics stats = appender.getStatistics();
            // What the SDK logs on the appender's threads never reaches an appender; anything else it logs would be
            // refused by ours. Either way, nothing but the application's events is sent.
            assertThat(stats.delivered()).isEqualTo(21);
            assertThat(stats.isBalanced()).isTrue();
            assertThat(messages(moto.readEvents(group, "xml"))).hasSize(21)
                    .allSatisfy(m -> assertThat(m).startsWith("INFO com.example.Orders order "));
        }
        finally
        {
            global.setConfiguration(new DefaultConfiguration());
        }
    }

    private static void setProperties(MotoServer moto, String group, String level)
    {
        System.setProperty("cwl.test.endpoint", moto.endpoint());
        System.setProperty("cwl.test.logGroup", group);
        System.setProperty("cwl.test.level", level);
    }

    private static List<String> messages(List<OutputLogEvent> events)
    {
        return events.stream().map(OutputLogEvent::message).collect(Collectors.toList());
    }
}
