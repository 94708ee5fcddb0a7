package io.github.cwlappender.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagesTest
{
    @Test
    void theDefaultLayoutMakesEachEventTwoHundredBytes()
    {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = LogbackSetup.defaultPatternLayout(context);
        LoggingEvent event = new LoggingEvent(Messages.LOGGER, context.getLogger(Messages.LOGGER), Level.INFO,
                Messages.message(123_456_789L), null, null);
        event.setThreadName(Messages.THREAD_PREFIX + "1");

        String line = layout.doLayout(event);

        // The layout ends the line with a line break, which the appenders remove before sending.
        assertThat(line.stripTrailing().getBytes(StandardCharsets.UTF_8)).hasSize(Messages.EVENT_BYTES);
        assertThat(Messages.formattedLine(Messages.THREAD_PREFIX + "2", Messages.message(7)))
                .hasSize(Messages.EVENT_BYTES);
    }

    @Test
    void messagesCarryTheirSequenceNumber()
    {
        assertThat(Messages.message(42)).startsWith("order accepted seq=0000000042 ")
                .hasSize(Messages.MESSAGE_BYTES);
        assertThat(Messages.message(9_876_543_210L)).startsWith("order accepted seq=9876543210 ");
    }
}
