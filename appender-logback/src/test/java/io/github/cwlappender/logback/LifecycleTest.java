package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LifecycleTest
{
    @Test
    void stoppingTheLoggerContextDeliversEverythingLoggedBefore()
    {
        Fixture fixture = new Fixture();
        fixture.appender.setLingerMillis("60000");
        fixture.start();
        Logger logger = fixture.logger("com.example.Orders");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++)
        {
            logger.info("order {}", i);
            expected.add(i + "");
        }

        fixture.context.stop();

        assertThat(fixture.client.messages()).extracting(m -> m.substring(m.lastIndexOf(' ') + 1))
                .containsExactlyElementsOf(expected);
        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.delivered()).isEqualTo(300);
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void stopReturnsByTheShutdownTimeoutWhenTheServiceNeverAnswers()
    {
        Fixture fixture = new Fixture();
        CountDownLatch never = new CountDownLatch(1);
        // Like a socket read that ignores interrupts: only the latch ends it.
        fixture.client.beforePut(request -> awaitUninterruptibly(never));
        fixture.appender.setShutdownTimeoutMillis("300");
        fixture.start();
        try
        {
            for (int i = 0; i < 10; i++)
            {
                fixture.logger("com.example.Orders").info("order {}", i);
            }

            assertTimeoutPreemptively(Duration.ofSeconds(30), fixture.context::stop, "LoggerContext.stop() hung");

            EngineStatistics stats = fixture.appender.getStatistics();
            assertThat(stats.delivered()).isZero();
            assertThat(stats.dropped(DropReason.SHUTDOWN)).isEqualTo(10);
            assertThat(stats.isBalanced()).isTrue();
        }
        finally
        {
            never.countDown();
        }
    }

    @Test
    void flushDeliversEverythingAppendedBeforeItWhileTheAppenderKeepsRunning()
    {
        try (Fixture fixture = new Fixture())
        {
            fixture.appender.setLingerMillis("60000");
            fixture.start();
            fixture.logger("com.example.Orders").info("first");
            fixture.logger("com.example.Orders").info("second");

            assertThat(fixture.appender.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(fixture.client.messages()).hasSize(2);
            assertThat(fixture.appender.isStarted()).isTrue();
        }
    }

    @Test
    void eventsAfterStopAreDroppedAndCountedNotThrown()
    {
        Fixture fixture = new Fixture().start();
        fixture.logger("com.example.Orders").info("before stop");
        fixture.appender.stop();

        fixture.appender.doAppend(new ch.qos.logback.classic.spi.LoggingEvent("test",
                fixture.logger("com.example.Orders"), ch.qos.logback.classic.Level.INFO, "after stop", null, null));

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.dropped(DropReason.SHUTDOWN)).isEqualTo(1);
        assertThat(stats.isBalanced()).isTrue();
        fixture.close();
    }

    @Test
    void everyStatusMessageOfTheAppenderNamesIt()
    {
        Fixture fixture = new Fixture();
        fixture.client.streamMissingAtFirst();
        fixture.start();
        fixture.logger("com.example.Orders").info("order placed");
        fixture.flush();
        fixture.close();

        List<String> statuses = fixture.statusesOfAppender();
        assertThat(statuses).anySatisfy(s -> assertThat(s).contains("created log stream"));
        assertThat(statuses).anySatisfy(s -> assertThat(s).contains("stopped"));
        assertThat(statuses).allSatisfy(s -> assertThat(s).contains("[" + Fixture.NAME + "]"));
    }

    @Test
    void statusMessagesOfAFailedStartNameTheAppenderToo()
    {
        try (Fixture fixture = new Fixture())
        {
            fixture.appender.setMaxInFlight("none");
            fixture.start();
            fixture.logger("com.example.Orders").info("dropped");

            assertThat(fixture.statusesOfAppender()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s).contains("[" + Fixture.NAME + "]"));
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch)
    {
        boolean interrupted = false;
        while (latch.getCount() > 0)
        {
            try
            {
                latch.await();
            }
            catch (InterruptedException e)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
