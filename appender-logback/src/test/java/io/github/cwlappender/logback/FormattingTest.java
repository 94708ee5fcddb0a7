package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

class FormattingTest
{
    private final Fixture fixture = new Fixture();

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void theEventsOwnTimestampBecomesTheCloudWatchTimestamp()
    {
        fixture.start();
        long anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).toEpochMilli();
        LoggingEvent event = new LoggingEvent(getClass().getName(), fixture.logger("com.example.Orders"), Level.INFO,
                "order placed", null, null);
        event.setTimeStamp(anHourAgo);

        fixture.appender.doAppend(event);
        fixture.flush();

        List<InputLogEvent> sent = fixture.client.events();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).timestamp()).isEqualTo(anHourAgo);
    }

    @Test
    void withoutLayoutOrEncoderTheDefaultPatternIsUsed()
    {
        fixture.start();

        fixture.logger("com.example.Orders").info("order {} placed", 42);
        fixture.flush();

        String thread = Thread.currentThread().getName();
        assertThat(fixture.client.messages()).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[" + java.util.regex.Pattern.quote(thread)
                        + "\\] com.example.Orders - order 42 placed");
    }

    @Test
    void aConfiguredLayoutFormatsTheMessage()
    {
        fixture.appender.setLayout(layout("%level|%logger|%msg"));
        fixture.start();

        fixture.logger("com.example.Orders").warn("stock low");
        fixture.flush();

        assertThat(fixture.client.messages()).containsExactly("WARN|com.example.Orders|stock low");
    }

    @Test
    void encoderBytesAreReadAsUtf8()
    {
        JsonEncoder json = new JsonEncoder();
        json.setContext(fixture.context);
        fixture.appender.setEncoder(json);
        fixture.start();

        fixture.logger("com.example.Greeter").info("Grüße, 世界 😀");
        fixture.flush();

        assertThat(fixture.client.messages()).singleElement().asString()
                .startsWith("{")
                .contains("\"message\":\"Grüße, 世界 😀\"")
                .endsWith("}");
    }

    @Test
    void aPatternEncoderWithoutCharsetIsReadAsUtf8Too()
    {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(fixture.context);
        encoder.setPattern("%msg%n");
        fixture.appender.setEncoder(encoder);
        fixture.start();

        fixture.logger("com.example.Greeter").info("Grüße, 世界 😀");
        fixture.flush();

        assertThat(fixture.client.messages()).containsExactly("Grüße, 世界 😀");
    }

    @Test
    void oneTrailingLineBreakIsRemovedAndInnerOnesKept()
    {
        fixture.appender.setLayout(layout("%msg%n"));
        fixture.start();

        fixture.logger("com.example.Report").info("line one\nline two");
        fixture.flush();

        assertThat(fixture.client.messages()).containsExactly("line one\nline two");
    }

    @Test
    void mdcMarkersKeyValuesAndCallerDataAreThoseOfTheLoggingThread()
    {
        fixture.appender.setLayout(layout("%X{orderId} %marker %kvp %method %msg"));
        fixture.start();
        Marker audit = new BasicMarkerFactory().getMarker("AUDIT");

        fixture.context.getMDCAdapter().put("orderId", "o-42");
        fixture.logger("com.example.Orders").atInfo().addMarker(audit).addKeyValue("customer", "c-7")
                .log("order placed");
        // Cleared at once: a message formatted later, on another thread, would miss it.
        fixture.context.getMDCAdapter().clear();
        fixture.flush();

        assertThat(fixture.client.messages()).singleElement().asString()
                .startsWith("o-42 AUDIT ")
                .contains("customer=\"c-7\"")
                .endsWith(" mdcMarkersKeyValuesAndCallerDataAreThoseOfTheLoggingThread order placed");
    }

    @Test
    void eventsFromSeveralThreadsAreAllDeliveredInTheirThreadsOrder() throws InterruptedException
    {
        fixture.appender.setLayout(layout("%thread %msg"));
        // One batch at a time, so the order of arrival at the fake is the order of sending.
        fixture.appender.setMaxInFlight("1");
        fixture.start();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++)
        {
            String name = "worker-" + t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 250; i++)
                {
                    fixture.logger("com.example.Load").info("event {}", i);
                }
            }, name);
            threads[t].start();
        }
        for (Thread t : threads)
        {
            t.join();
        }
        fixture.flush();

        assertThat(fixture.client.messages()).hasSize(1000);
        for (int t = 0; t < threads.length; t++)
        {
            String prefix = "worker-" + t + " ";
            assertThat(fixture.client.messages()).filteredOn(m -> m.startsWith(prefix))
                    .as("events of %s in the order they were logged", prefix)
                    .containsExactlyElementsOf(expectedSequence(prefix, 250));
        }
        assertThat(fixture.appender.getStatistics().isBalanced()).isTrue();
    }

    private static List<String> expectedSequence(String prefix, int count)
    {
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            expected.add(prefix + "event " + i);
        }
        return expected;
    }

    private PatternLayout layout(String pattern)
    {
        PatternLayout layout = new PatternLayout();
        layout.setContext(fixture.context);
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }
}
