package io.github.cwlappender.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.cwlappender.logback.CloudWatchLogsAppender;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Logback configured from adapters-logback.xml, delivering through the AWS SDK to moto, read back with GetLogEvents. */
@ExtendWith(MotoServerExtension.class)
class LogbackXmlDeliveryTest
{
    private static final String STREAM = "adapters-logback";

    private final String group = Groups.unique("logback");
    private LoggerContext context;

    @BeforeEach
    void configure(MotoServer moto) throws JoranException
    {
        System.setProperty("cwl.endpoint", moto.endpoint());
        System.setProperty("cwl.it.logGroup", group);
        // A context of its own, so that nothing else in this JVM logs into it.
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/adapters-logback.xml"));
    }

    @AfterEach
    void clearProperties()
    {
        context.stop();
        System.clearProperty("cwl.endpoint");
        System.clearProperty("cwl.it.logGroup");
    }

    @Test
    void everyEventArrivesOnceInOrderWithItsMdc(MotoServer moto)
    {
        Logger log = context.getLogger("com.example.shop.Checkout");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++)
        {
            context.getMDCAdapter().put("requestId", "req-" + i);
            log.info("step {} done", i);
            expected.add("INFO [req-" + i + "] com.example.shop.Checkout - step " + i + " done");
        }
        context.getMDCAdapter().clear();
        CloudWatchLogsAppender appender = appender();

        context.stop();

        List<OutputLogEvent> events = moto.readEvents(group, STREAM);
        assertThat(events).extracting(OutputLogEvent::message).containsExactlyElementsOf(expected);
        assertThat(events).extracting(OutputLogEvent::timestamp).isSorted();
        assertThat(appender.getStatistics().delivered()).isEqualTo(50);
        assertThat(appender.getStatistics().isBalanced()).isTrue();
    }

    @Test
    void aStackTraceStaysOneEventAndNonAsciiTextArrivesIntact(MotoServer moto)
    {
        Logger log = context.getLogger("com.example.shop.Checkout");
        log.error("payment failed", new IllegalStateException("card declined"));
        log.info("Grüße aus Köln, 東京, 😀");

        context.stop();

        List<OutputLogEvent> events = moto.readEvents(group, STREAM);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).message())
                .startsWith("ERROR [] com.example.shop.Checkout - payment failed\njava.lang.IllegalStateException: card declined\n")
                .contains("\tat io.github.cwlappender.it.adapters.LogbackXmlDeliveryTest.");
        assertThat(events.get(1).message()).isEqualTo("INFO [] com.example.shop.Checkout - Grüße aus Köln, 東京, 😀");
    }

    private CloudWatchLogsAppender appender()
    {
        return (CloudWatchLogsAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
    }
}
