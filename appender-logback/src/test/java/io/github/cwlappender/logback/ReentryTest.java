package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.status.Status;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event logged on a thread while the appender handles another one on it (an argument's {@code toString()}, a
 * layout or a filter that logs) is counted, never formatted in its turn; a failing layout never reaches the
 * application, and the appender goes on with the next event.
 */
class ReentryTest
{
    private final Fixture fixture = new Fixture();

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void anArgumentThatLogsItselfIsSentOnceAndWhatItLogsIsCountedNotLooped()
    {
        fixture.start();
        Logger logger = fixture.logger("com.example.Orders");
        Object selfLogging = new Object()
        {
            @Override
            public String toString()
            {
                // Formatting this event formats this argument again: without a guard, no end.
                logger.info("formatting {}", this);
                return "the order";
            }
        };

        assertThatCode(() -> logger.info("shipped {}", selfLogging)).doesNotThrowAnyException();
        fixture.flush();

        assertThat(fixture.client.messages()).singleElement().asString().endsWith(" - shipped the order");
        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(1);
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void theFirstEventLoggedWhileAnotherIsFormattedIsReportedWhereNobodyListensAndTheRestAreCounted()
    {
        fixture.start();
        Logger logger = fixture.logger("com.example.Orders");
        Object chatty = new Object()
        {
            @Override
            public String toString()
            {
                logger.debug("looked up");
                return "an order";
            }
        };

        String printed;
        try (StandardError err = new StandardError())
        {
            for (int i = 0; i < 5; i++)
            {
                logger.info("shipped {}", chatty);
            }
            printed = err.text();
        }
        fixture.flush();

        assertThat(fixture.client.messages()).hasSize(5);
        assertThat(fixture.appender.getStatistics().dropped(DropReason.RECURSION)).isEqualTo(5);
        assertThat(printed).containsOnlyOnce("formatted another one on the same thread")
                .contains("[" + Fixture.NAME + "]").contains("RECURSION");
    }

    @Test
    void whatIsLoggedWhileAnEventIsFormattedStillReachesTheOtherAppenders()
    {
        ListAppender<ILoggingEvent> elsewhere = new ListAppender<>();
        elsewhere.setContext(fixture.context);
        elsewhere.start();
        fixture.start();
        fixture.logger(Logger.ROOT_LOGGER_NAME).addAppender(elsewhere);
        Logger inner = fixture.logger("com.example.Inventory");
        Object chatty = new Object()
        {
            @Override
            public String toString()
            {
                inner.warn("stock looked up");
                return "3 items";
            }
        };

        fixture.logger("com.example.Orders").info("order of {}", chatty);
        fixture.flush();

        assertThat(elsewhere.list.stream().map(ILoggingEvent::getFormattedMessage))
                .containsExactlyInAnyOrder("stock looked up", "order of 3 items");
        assertThat(fixture.client.messages()).singleElement().asString().endsWith(" - order of 3 items");
        assertThat(fixture.appender.getStatistics().dropped(DropReason.RECURSION)).isEqualTo(1);
    }

    @Test
    void aLayoutThatFailsNeverReachesTheApplicationIsCountedReportedAFewTimesAndTheNextEventIsSent()
    {
        fixture.appender.setLayout(new FailingOnBoomLayout());
        fixture.start();
        Logger logger = fixture.logger("com.example.Orders");

        for (int i = 0; i < 10; i++)
        {
            assertThatCode(() -> logger.info("boom")).doesNotThrowAnyException();
        }
        logger.info("order {} shipped", 7);
        fixture.flush();

        // The guard was let go after each failure: the next event is formatted and sent.
        assertThat(fixture.client.messages()).containsExactly("order 7 shipped");
        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.dropped(DropReason.FORMAT_FAILED)).isEqualTo(10);
        assertThat(stats.isBalanced()).isTrue();
        List<Status> failures = fixture.context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getOrigin() == fixture.appender && s.getMessage().contains("failed to append"))
                .collect(Collectors.toList());
        assertThat(failures).hasSize(3).allSatisfy(s -> {
            assertThat(s.getLevel()).isEqualTo(Status.WARN);
            assertThat(s.getMessage()).contains("is lost");
            assertThat(s.getMessage()).contains("[" + Fixture.NAME + "]");
            assertThat(s.getThrowable()).hasMessage("the layout failed");
        });
    }

    @Test
    void eventsOfAStoppedAppenderAreCountedAndWarnedAboutAFewTimes()
    {
        fixture.start();
        fixture.appender.stop();

        for (int i = 0; i < 10; i++)
        {
            fixture.logger("com.example.Orders").info("after stop {}", i);
        }

        assertThat(fixture.appender.getStatistics().dropped(DropReason.SHUTDOWN)).isEqualTo(10);
        assertThat(fixture.statusesOfAppender()).filteredOn(s -> s.contains("not started")).hasSize(3)
                .allSatisfy(s -> assertThat(s).contains("dropped and counted"));
    }

    /** Formats the message alone, and fails on "boom". */
    private static final class FailingOnBoomLayout extends LayoutBase<ILoggingEvent>
    {
        @Override
        public String doLayout(ILoggingEvent event)
        {
            if (event.getFormattedMessage().equals("boom"))
            {
                throw new IllegalStateException("the layout failed");
            }
            return event.getFormattedMessage();
        }
    }
}
