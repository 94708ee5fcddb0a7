package io.github.cwlappender.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.log4j2.CloudWatchLogsAppender;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Log4j2 configured from adapters-log4j2.xml, delivering through the AWS SDK to moto, read back with GetLogEvents. */
@ExtendWith(MotoServerExtension.class)
class Log4j2XmlDeliveryTest
{
    private static final String STREAM = "adapters-log4j2";

    private final String group = Groups.unique("log4j2");
    private LoggerContext context;

    @BeforeEach
    void configure(MotoServer moto) throws URISyntaxException
    {
        System.setProperty("cwl.endpoint", moto.endpoint());
        System.setProperty("cwl.it.logGroup", group);
        // A context of its own, so that nothing else in this JVM logs into it.
        context = new LoggerContext("adapters-log4j2", null, getClass().getResource("/adapters-log4j2.xml").toURI());
        context.start();
    }

    @AfterEach
    void clearProperties()
    {
        context.stop();
        ThreadContext.clearAll();
        System.clearProperty("cwl.endpoint");
        System.clearProperty("cwl.it.logGroup");
    }

    @Test
    void everyEventArrivesOnceInOrderWithItsThreadContext(MotoServer moto)
    {
        Logger log = context.getLogger("com.example.shop.Checkout");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++)
        {
            ThreadContext.put("requestId", "req-" + i);
            log.info("step {} done", i);
            expected.add("INFO [req-" + i + "] com.example.shop.Checkout - step " + i + " done");
        }
        ThreadContext.clearAll();
        CloudWatchLogsAppender appender = context.getConfiguration().getAppender("CLOUDWATCH");

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
                .startsWith("ERROR [] com.example.shop.Checkout - payment failed")
                .contains("java.lang.IllegalStateException: card declined")
                .contains("at io.github.cwlappender.it.adapters.Log4j2XmlDeliveryTest.");
        assertThat(events.get(1).message()).isEqualTo("INFO [] com.example.shop.Checkout - Grüße aus Köln, 東京, 😀");
    }
}
