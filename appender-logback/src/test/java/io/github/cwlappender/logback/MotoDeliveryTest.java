package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** The appender configured from XML, delivering through the real AWS SDK to moto. */
@ExtendWith(MotoServerExtension.class)
class MotoDeliveryTest
{
    @Test
    void anXmlConfiguredAppenderDeliversEveryEventInOrder(MotoServer moto) throws JoranException
    {
        String group = "/test/logback/xml-" + UUID.randomUUID();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        configure(context, moto, group, "INFO");
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
    void theSdksOwnDebugLoggingDuringRealDeliveryIsNeverSent(MotoServer moto) throws JoranException
    {
        // The SDK logs through SLF4J, that is through Logback's global context: configure that one, at DEBUG.
        LoggerContext global = (LoggerContext) LoggerFactory.getILoggerFactory();
        String group = "/test/logback/sdk-debug-" + UUID.randomUUID();
        global.reset();
        configure(global, moto, group, "DEBUG");
        CloudWatchLogsAppender appender = (CloudWatchLogsAppender) global.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("CLOUDWATCH");
        try
        {
            for (int i = 0; i < 20; i++)
            {
                global.getLogger("com.example.Orders").info("order {}", i);
            }
            // A delivery while running as well as the final one at stop, both with the SDK logging at DEBUG.
            assertThat(appender.flush(Duration.ofSeconds(30))).isTrue();
            global.getLogger("com.example.Orders").info("order {}", 20);

            global.stop();

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
            global.reset();
        }
    }

    private static void configure(LoggerContext context, MotoServer moto, String group, String level)
            throws JoranException
    {
        context.putProperty("cwl.test.endpoint", moto.endpoint());
        context.putProperty("cwl.test.logGroup", group);
        context.putProperty("cwl.test.level", level);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(MotoDeliveryTest.class.getResource("/logback-moto.xml"));
    }

    private static List<String> messages(List<OutputLogEvent> events)
    {
        return events.stream().map(OutputLogEvent::message).collect(Collectors.toList());
    }
}
