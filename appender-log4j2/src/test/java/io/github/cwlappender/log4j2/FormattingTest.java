package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

class FormattingTest
{
    private final Fixture fixture = new Fixture();

    @AfterEach
    void close()
    {
        ThreadContext.clearAll();
        fixture.close();
    }

    @Test
    void theEventsOwnTimestampBecomesTheCloudWatchTimestamp()
    {
        fixture.start();
        long anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).toEpochMilli();

        fixture.appender.append(Log4jLogEvent.newBuilder().setLoggerName("com.example.Orders").setLevel(Level.INFO)
                .setMessage(new SimpleMessage("order placed")).setTimeMillis(anHourAgo).build());
        fixture.flush();

        List<InputLogEvent> sent = fixture.client.events();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).timestamp()).isEqualTo(anHourAgo);
    }

    @Test
    void withoutALayoutTheDefaultPatternIsUsed()
    {
        fixture.start();

        fixture.logger("com.example.Orders").info("order {} placed", 42);
        fixture.flush();

        String thread = Pattern.quote(Thread.currentThread().getName());
        assertThat(fixture.client.messages()).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[" + thread
                        + "\\] com.example.Orders - order 42 placed");
    }

    @Test
    void aNestedLayoutFormatsTheMessage()
    {
        fixture.builder.setLayout(PatternLayout.newBuilder().withPattern("%level|%logger|%msg").build());
        fixture.start();

        fixture.logger("com.example.Orders").warn("stock low");
        fixture.flush();

        assertThat(fixture.client.messages()).containsExactly("WARN|com.example.Orders|stock low");
    }

    @Test
    void aStringLayoutsCharsetCannotMangleText()
    {
        // Text layouts are asked for text, not bytes, so their charset never matters.
        fixture.builder.setLayout(PatternLayout.newBuilder().withPattern("%msg")
                .withCharset(StandardCharsets.US_ASCII).build());
        fixture.start();

        fixture.logger("com.example.Greeter").info("Grüße, 世界 😀");
        fixture.flush();

        assertThat(fixture.client.messages()).containsExactly("Grüße, 世界 😀");
    }

    @Test
    void oneTrailingLineBreakIsRemovedAndInnerOnesKept()
    {
        fixture.builder.setLayout(PatternLayout.newBuilder().withPattern("%msg%n").build());
        fixture.start();

        fixture.logger("com.example.Report").info("line one\nline two");
        fixture.flush();

        assertThat(fixture.client.messages()).containsExactly("line one\nline two");
    }

    @Test
    void threadContextMarkersAndCallerDataAreThoseOfTheLoggingThread()
    {
        fixture.builder.setLayout(PatternLayout.newBuilder().withPattern("%X{orderId} %marker %M %msg").build());
        fixture.start();

        ThreadContext.put("orderId", "o-42");
        fixture.logger("com.example.Orders").info(MarkerManager.getMarker("AUDIT"), "order placed");
        // Cleared at once: a message formatted later, on another thread, would miss it.
        ThreadContext.clearAll();
        fixture.flush();

        assertThat(fixture.client.messages())
                .containsExactly("o-42 AUDIT threadContextMarkersAndCallerDataAreThoseOfTheLoggingThread order placed");
    }

    @Test
    void eventsFromSeveralThreadsAreAllDeliveredInTheirThreadsOrder() throws InterruptedException
    {
        fixture.builder.setLayout(PatternLayout.newBuilder().withPattern("%t %msg").build());
        // One batch at a time, so the order of arrival at the fake is the order of sending.
        fixture.builder.setMaxInFlight(1);
        fixture.start();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++)
        {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 250; i++)
                {
                    fixture.logger("com.example.Load").info("event {}", i);
                }
            }, "worker-" + t);
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
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 250; i++)
            {
                expected.add(prefix + "event " + i);
            }
            assertThat(fixture.client.messages()).filteredOn(m -> m.startsWith(prefix))
                    .containsExactlyElementsOf(expected);
        }
        assertThat(fixture.appender.getStatistics().isBalanced()).isTrue();
    }
}
