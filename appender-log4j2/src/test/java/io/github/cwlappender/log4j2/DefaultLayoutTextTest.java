package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.testsupport.client.RecordingClient;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.core.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the default layout sends: one line per event, a logged exception's stack trace on the lines after it. */
class DefaultLayoutTextTest
{
    private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3} ";

    private final Fixture fixture = new Fixture();

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void aLoggedExceptionsStackTraceFollowsTheMessageLine()
    {
        fixture.start();

        fixture.logger("com.example.Shipping").error("label for order {} not printed", "o-42",
                new IllegalStateException("printer offline"));
        fixture.flush();

        String sent = fixture.client.messages().get(0);
        String[] lines = sent.split("\n");
        assertThat(lines[0]).matches(LINE_START + "ERROR \\[.+\\] com.example.Shipping - label for order o-42 not printed");
        assertThat(lines[1]).isEqualTo("java.lang.IllegalStateException: printer offline");
        assertThat(lines[2]).contains("at io.github.cwlappender.log4j2.DefaultLayoutTextTest.");
        assertThat(sent).as("no trailing line break").doesNotEndWith("\n");
    }

    @Test
    void onlyTheLayoutsLineBreakIsLeftOutAMessageThatEndsInOneKeepsIt()
    {
        fixture.start();

        fixture.logger("com.example.Orders").info("order o-7 shipped\n");
        fixture.logger("com.example.Orders").info("order o-8 shipped\r\n");
        fixture.flush();

        List<String> sent = fixture.client.messages();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).matches(LINE_START + "INFO  \\[.+\\] com.example.Orders - order o-7 shipped\n");
        assertThat(sent.get(1)).matches(LINE_START + "INFO  \\[.+\\] com.example.Orders - order o-8 shipped\r\n");
    }

    @Test
    void eventsWithoutExceptionAreOneLineEachWithoutTrailingLineBreak()
    {
        fixture.start();

        for (int i = 0; i < 50; i++)
        {
            fixture.logger("com.example.Orders").info("order {} shipped to {}", i, "Zürich");
        }
        fixture.flush();

        List<String> sent = fixture.client.messages();
        assertThat(sent).hasSize(50);
        for (int i = 0; i < 50; i++)
        {
            assertThat(sent.get(i)).matches(LINE_START + "INFO  \\[.+\\] com.example.Orders - order " + i
                    + " shipped to Zürich");
        }
    }

    @Test
    void aMessageArgumentThatLogsWhileItIsFormattedLeavesBothEventsWhole()
    {
        fixture.start();
        // A second appender with the default layout, so that the nested event is formatted (Log4j2 keeps it from
        // re-entering the first) while the first appender is halfway through the outer one, on the same thread.
        RecordingClient secondClient = new RecordingClient();
        Configuration running = fixture.context.getConfiguration();
        CloudWatchLogsAppender second = CloudWatchLogsAppender.newBuilder().setName("SECOND")
                .setLogGroup("/test/log4j2-second").setLogStream("unit").setClient(secondClient).setLingerMillis(20)
                .setConfiguration(running).build();
        second.start();
        running.addAppender(second);
        running.getRootLogger().addAppender(second, null, null);
        fixture.context.updateLoggers();
        Object chatty = new Object()
        {
            @Override
            public String toString()
            {
                fixture.logger("com.example.Inner").warn("inner event");
                return "the argument";
            }
        };

        fixture.logger("com.example.Outer").info("outer event with {}", chatty);
        fixture.flush();
        assertThat(second.flush(Duration.ofSeconds(10))).isTrue();

        String outer = LINE_START + "INFO  \\[.+\\] com.example.Outer - outer event with the argument";
        String inner = LINE_START + "WARN  \\[.+\\] com.example.Inner - inner event";
        // Log4j2 refuses the nested event to the appender that is formatting the outer one.
        assertThat(fixture.client.messages()).anySatisfy(m -> assertThat(m).matches(outer))
                .allSatisfy(m -> assertThat(m).matches(outer + "|" + inner));
        assertThat(secondClient.messages()).hasSize(2)
                .anySatisfy(m -> assertThat(m).matches(inner))
                .anySatisfy(m -> assertThat(m).matches(outer));
    }
}
