package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.MarkerFilter;
import ch.qos.logback.core.read.ListAppender;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RecursionTest
{
    @Test
    void theApplicationsOwnSdkAndHttpClientLoggingOnItsOwnThreadsIsDelivered()
    {
        try (Fixture fixture = new Fixture().start())
        {
            fixture.logger("software.amazon.awssdk.request").debug("Sending Request: GetObject");
            fixture.logger("org.apache.http.wire").trace(">> GET /bucket HTTP/1.1");
            fixture.logger("org.apache.hc.client5.http.wire").trace(">> GET /bucket HTTP/1.1");
            fixture.logger("io.netty.channel.DefaultChannelPipeline").debug("channel active");
            fixture.flush();

            assertThat(fixture.client.messages()).hasSize(4);
            EngineStatistics stats = fixture.appender.getStatistics();
            assertThat(stats.delivered()).isEqualTo(4);
            assertThat(stats.dropped(DropReason.RECURSION)).isZero();
            assertThat(stats.isBalanced()).isTrue();
        }
    }

    @Test
    void whatIsLoggedOnTheSdksAndHttpClientsBackgroundThreadsIsCountedButNeverSent() throws InterruptedException
    {
        try (Fixture fixture = new Fixture().start())
        {
            for (String sdkThread : List.of("sdk-async-response-0-1", "sdk-ScheduledExecutor-1-1",
                    "aws-java-sdk-NettyEventLoop-1-2", "idle-connection-reaper", "sdk-cache-scheduler"))
            {
                Thread t = new Thread(() -> fixture.logger("com.example.Anything").info("on " + sdkThread),
                        sdkThread);
                t.start();
                t.join();
            }
            fixture.logger("com.example.Orders").info("application event");
            fixture.flush();

            assertThat(fixture.client.messages()).singleElement().asString().contains("application event");
            EngineStatistics stats = fixture.appender.getStatistics();
            assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(5);
            assertThat(stats.isBalanced()).isTrue();
        }
    }

    @Test
    void whatIsLoggedOnTheEngineThreadsIsDisabledBelowWarnAndCountedInsteadOfSentInALoopAbove()
    {
        Fixture fixture = new Fixture();
        ListAppender<ILoggingEvent> elsewhere = new ListAppender<>();
        elsewhere.setContext(fixture.context);
        elsewhere.start();
        fixture.logger(Logger.ROOT_LOGGER_NAME).addAppender(elsewhere);
        List<String> enabledOnSender = new CopyOnWriteArrayList<>();
        // Any logger at all, called from inside the sender (as an SDK interceptor or credentials provider might).
        fixture.client.beforePut(request -> {
            Logger interceptor = fixture.logger("com.example.Interceptor");
            enabledOnSender.add("debug=" + interceptor.isDebugEnabled() + " info=" + interceptor.isInfoEnabled()
                    + " warn=" + interceptor.isWarnEnabled());
            interceptor.info("putting {} events", request.logEvents().size());
            interceptor.warn("put of {} events", request.logEvents().size());
        });
        fixture.start();

        for (int i = 0; i < 5; i++)
        {
            fixture.logger("com.example.Orders").info("application event {}", i);
        }
        fixture.flush();
        fixture.close();

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(enabledOnSender).isNotEmpty().containsOnly("debug=false info=false warn=true");
        assertThat(elsewhere.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("putting"))
                .filteredOn(m -> m.contains("put of")).hasSize((int) stats.batchesSent());
        assertThat(fixture.client.messages()).hasSize(5).allMatch(m -> m.contains("application event"));
        assertThat(stats.delivered()).isEqualTo(5);
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(stats.batchesSent()).isPositive();
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void behindAnAsyncAppenderWhatTheEngineThreadsLogIsStillNeverSent()
    {
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> {
            fixture.logger("com.example.Interceptor").info("putting {} events", request.logEvents().size());
            fixture.logger("com.example.Interceptor").warn("put of {} events", request.logEvents().size());
        });
        fixture.appender.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(fixture.context);
        async.setName("ASYNC");
        async.addAppender(fixture.appender);
        async.start();
        Logger root = fixture.logger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(async);

        fixture.logger("com.example.Orders").info("application event");
        // The warning travels through the async queue to our appender on Logback's worker thread, which still
        // refuses it by the name of the thread it was logged on; the info never entered the queue.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.appender.getStatistics().dropped(DropReason.RECURSION) >= 1);
        fixture.close();

        assertThat(fixture.client.messages()).singleElement().asString().contains("application event");
        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(stats.batchesSent());
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void whatTheSdkWarnsAboutDuringTheFinalDeliveryAtStopIsCountedAsRecursionWithoutWarnings()
    {
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> fixture.logger("software.amazon.awssdk.request")
                .warn("Sending Request: PutLogEvents"));
        // Nothing is sent before stop: the only PutLogEvents is the final one.
        fixture.appender.setLingerMillis("60000");
        fixture.start();
        fixture.logger("com.example.Orders").info("last words");

        fixture.close();

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(1);
        assertThat(stats.dropped(DropReason.SHUTDOWN)).isZero();
        assertThat(fixture.statusesOfAppender()).noneMatch(s -> s.contains("not started"));
    }

    @Test
    void theContextKeepsOneEngineThreadFilterAheadOfItsOwnWhileAnyAppenderRuns()
    {
        try (Fixture fixture = new Fixture())
        {
            // A user's turbo filter that would let events through if it came first.
            MarkerFilter accept = new MarkerFilter();
            accept.setMarker("AUDIT");
            accept.setOnMatch("ACCEPT");
            accept.start();
            fixture.context.addTurboFilter(accept);
            fixture.start();
            CloudWatchLogsAppender second = new CloudWatchLogsAppender();
            second.setContext(fixture.context);
            second.setName("SECOND");
            second.setLogGroup("/test/logback");
            second.setClient(fixture.client);
            second.start();
            assertThat(fixture.context.getTurboFilterList()).hasSize(2).first()
                    .isInstanceOf(EngineThreadFilter.class);

            fixture.appender.stop();
            assertThat(fixture.context.getTurboFilterList()).hasSize(2);
            second.stop();
            assertThat(fixture.context.getTurboFilterList()).containsExactly(accept);
        }
    }
}
