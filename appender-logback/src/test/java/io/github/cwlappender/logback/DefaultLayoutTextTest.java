package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.testsupport.client.RecordingClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the default layout sends: one line per event, a logged exception's stack trace on the lines after it. */
class DefaultLayoutTextTest
{
    private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ";

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
        assertThat(lines[2]).startsWith("\tat io.github.cwlappender.logback.DefaultLayoutTextTest.");
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
        // A second appender with the default layout, so that the nested event is formatted (the first appender
        // counts it instead of re-entering) while the first is halfway through the outer one, on the same thread.
        RecordingClient secondClient = new RecordingClient();
        CloudWatchLogsAppender second = new CloudWatchLogsAppender();
        second.setContext(fixture.context);
        second.setName("SECOND");
        second.setLogGroup("/test/logback-second");
        second.setLogStream("unit");
        second.setClient(secondClient);
        second.setLingerMillis("20");
        second.start();
        fixture.start();
        fixture.logger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(second);
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

        // The nested event does not re-enter the appender halfway through the outer one: it is counted instead (in
        // every Logback version; 1.6's own guard would let it in).
        assertThat(fixture.client.messages()).singleElement().asString()
                .matches(LINE_START + "INFO  \\[.+\\] com.example.Outer - outer event with the argument");
        assertThat(fixture.appender.getStatistics().dropped(DropReason.RECURSION)).isEqualTo(1);
        // Sent in timestamp order, which for two events of one millisecond is either.
        assertThat(secondClient.messages()).hasSize(2)
                .anySatisfy(m -> assertThat(m).matches(LINE_START + "WARN  \\[.+\\] com.example.Inner - inner event"))
                .anySatisfy(m -> assertThat(m)
                        .matches(LINE_START + "INFO  \\[.+\\] com.example.Outer - outer event with the argument"));
        second.stop();
    }
}
