package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An event whose layout throws is counted as lost; Log4j2 reports the exception, and the next event is sent. */
class FormatFailureTest
{
    private final Fixture fixture = new Fixture();

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void anEventWhoseLayoutThrowsIsCountedAsLostAndNeverReachesTheApplication()
    {
        fixture.builder.setLayout(new FailingOnBoomLayout());
        fixture.start();
        Logger logger = fixture.logger("com.example.Orders");

        for (int i = 0; i < 5; i++)
        {
            assertThatCode(() -> logger.info("boom")).doesNotThrowAnyException();
        }
        logger.info("order {} shipped", 7);
        fixture.flush();

        assertThat(fixture.client.messages()).containsExactly("order 7 shipped");
        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.dropped(DropReason.FORMAT_FAILED)).isEqualTo(5);
        assertThat(stats.isBalanced()).isTrue();
        assertThat(fixture.status.warningsAndErrors())
                .anySatisfy(s -> assertThat(s).contains(Fixture.NAME).contains("the layout failed"));
    }

    /** The message alone, and an exception for "boom". */
    private static final class FailingOnBoomLayout extends AbstractStringLayout
    {
        FailingOnBoomLayout()
        {
            super(StandardCharsets.UTF_8);
        }

        @Override
        public String toSerializable(LogEvent event)
        {
            String message = event.getMessage().getFormattedMessage();
            if (message.equals("boom"))
            {
                throw new IllegalStateException("the layout failed");
            }
            return message;
        }
    }
}
