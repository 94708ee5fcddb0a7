package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.selector.ContextSelector;
import org.junit.jupiter.api.Test;

class LifecycleTest
{
    private static final String LARGE = "x".repeat(100_000);

    @Test
    void stoppingTheLoggerContextDeliversEverythingLoggedBefore()
    {
        Fixture fixture = new Fixture();
        fixture.builder.setLingerMillis(60000);
        fixture.start();
        Logger logger = fixture.logger("com.example.Orders");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++)
        {
            logger.info("order {}", i);
            expected.add(i + "");
        }

        fixture.close();

        assertThat(fixture.client.messages()).extracting(m -> m.substring(m.lastIndexOf(' ') + 1))
                .containsExactlyElementsOf(expected);
        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.delivered()).isEqualTo(300);
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void stopReturnsByShutdownTimeoutMillisWhenTheServiceNeverAnswers()
    {
        CountDownLatch never = new CountDownLatch(1);
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> awaitUninterruptibly(never));
        fixture.builder.setShutdownTimeoutMillis(300);
        fixture.start();
        try
        {
            for (int i = 0; i < 10; i++)
            {
                fixture.logger("com.example.Orders").info("order {}", i);
            }

            assertTimeoutPreemptively(Duration.ofSeconds(30), fixture::close, "LoggerContext.stop() hung");

            EngineStatistics stats = fixture.appender.getStatistics();
            assertThat(stats.dropped(DropReason.SHUTDOWN)).isEqualTo(10);
            assertThat(stats.isBalanced()).isTrue();
        }
        finally
        {
            never.countDown();
        }
    }

    @Test
    void log4jsShutdownTimeoutWinsWhenItIsShorter()
    {
        CountDownLatch never = new CountDownLatch(1);
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> awaitUninterruptibly(never));
        // Long enough that the test would time out if this one were used.
        fixture.builder.setShutdownTimeoutMillis(600_000);
        fixture.start();
        try
        {
            fixture.logger("com.example.Orders").info("never answered");

            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> fixture.context.stop(300, TimeUnit.MILLISECONDS), "LoggerContext.stop(300 ms) hung");

            assertThat(fixture.appender.getStatistics().dropped(DropReason.SHUTDOWN)).isEqualTo(1);
        }
        finally
        {
            never.countDown();
            fixture.close();
        }
    }

    @Test
    void logManagerShutdownsBuiltIn50MillisecondsDoNotCutDeliveryShort()
    {
        Fixture fixture = new Fixture();
        // A service that answers, but more slowly than 50 ms.
        fixture.client.beforePut(request -> sleep(300));
        fixture.builder.setLingerMillis(60000);
        fixture.start();
        fixture.logger("com.example.Orders").info("last words");

        // What LogManager.shutdown() passes to every appender.
        fixture.context.stop(ContextSelector.DEFAULT_STOP_TIMEOUT, TimeUnit.MILLISECONDS);

        assertThat(fixture.client.messages()).hasSize(1);
        assertThat(fixture.appender.getStatistics().delivered()).isEqualTo(1);
    }

    @Test
    void flushDeliversEverythingAppendedBeforeItWhileTheAppenderKeepsRunning()
    {
        try (Fixture fixture = new Fixture())
        {
            fixture.builder.setLingerMillis(60000);
            fixture.start();
            fixture.logger("com.example.Orders").info("first");
            fixture.logger("com.example.Orders").info("second");

            assertThat(fixture.appender.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(fixture.client.messages()).hasSize(2);
            assertThat(fixture.appender.isStarted()).isTrue();
        }
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

        List<String> statuses = fixture.status.fromThisLibrary();
        assertThat(statuses).anySatisfy(s -> assertThat(s).contains("created log stream"));
        assertThat(statuses).anySatisfy(s -> assertThat(s).contains("stopped"));
        assertThat(statuses).allSatisfy(s -> assertThat(s).contains("[" + Fixture.NAME + "]"));
    }

    @Test
    void aFullBufferDropsAndCountsWithoutTroublingTheApplication()
    {
        CountDownLatch release = new CountDownLatch(1);
        try (Fixture fixture = stalledWithTinyBuffer(release))
        {
            fixture.start();
            for (int i = 0; i < 100; i++)
            {
                fixture.logger("com.example.Orders").info("order {} {}", i, LARGE);
            }

            assertThat(fixture.appender.getStatistics().dropped(DropReason.BUFFER_FULL)).isPositive();
            release.countDown();
        }
    }

    @Test
    void withIgnoreExceptionsFalseADroppedEventIsThrownSoThatAFailoverAppenderCanTakeIt()
    {
        CountDownLatch release = new CountDownLatch(1);
        try (Fixture fixture = stalledWithTinyBuffer(release))
        {
            fixture.builder.setIgnoreExceptions(false);
            fixture.start();
            Throwable thrown = null;
            for (int i = 0; i < 100 && thrown == null; i++)
            {
                int n = i;
                thrown = catchThrowable(() -> fixture.logger("com.example.Orders").info("order {} {}", n, LARGE));
            }

            assertThat(thrown).isInstanceOf(AppenderLoggingException.class)
                    .hasMessageContaining("[" + Fixture.NAME + "]").hasMessageContaining("dropped");
            release.countDown();
        }
    }

    /**
     * The smallest buffer (2 MB: about twenty {@link #LARGE} events) in front of a service that does not answer until
     * released, dropping at once when full (the default would first wait until the silence counts as failing).
     */
    private static Fixture stalledWithTinyBuffer(CountDownLatch release)
    {
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> awaitUninterruptibly(release));
        fixture.builder.setBufferBytes("2MB").setOnBufferFull("DROP").setMaxBatchEvents(1).setMaxInFlight(1)
                .setLingerMillis(0);
        return fixture;
    }

    private static void sleep(long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
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
