package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.core.filter.ThresholdFilter;
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
        assertEngineThreadLoggingNeverLoops(new Fixture());
    }

    @Test
    void behindAsyncLoggersWhatTheEngineThreadsLogIsDisabledBeforeTheQueueAndNeverSent()
    {
        assertEngineThreadLoggingNeverLoops(Fixture.allAsync());
    }

    @Test
    void behindAnAsyncRootWhatTheEngineThreadsLogIsDisabledBeforeTheQueueAndNeverSent()
    {
        assertEngineThreadLoggingNeverLoops(Fixture.asyncRoot());
    }

    @Test
    void theConfigurationKeepsOneEngineThreadFilterAheadOfItsOwnWhileAnyAppenderRuns()
    {
        try (Fixture fixture = new Fixture().start())
        {
            Configuration config = fixture.context.getConfiguration();
            // A user's configuration filter that would let everything through if it came first.
            Filter acceptAll = ThresholdFilter.createFilter(Level.ALL, Filter.Result.ACCEPT, Filter.Result.NEUTRAL);
            config.addFilter(acceptAll);
            fixture.appender.stop();
            assertThat(config.getFilter()).isSameAs(acceptAll);

            CloudWatchLogsAppender first = appenderIn(config, fixture, "FIRST");
            CloudWatchLogsAppender second = appenderIn(config, fixture, "SECOND");
            assertThat(((CompositeFilter) config.getFilter()).getFilters()).hasSize(2)
                    .satisfies(filters -> assertThat(filters.get(0)).isInstanceOf(EngineThreadFilter.class))
                    .satisfies(filters -> assertThat(filters.get(1)).isSameAs(acceptAll));

            first.stop();
            assertThat(((CompositeFilter) config.getFilter()).getFilters()).hasSize(2);
            second.stop();
            assertThat(config.getFilter()).isSameAs(acceptAll);
        }
    }

    private static CloudWatchLogsAppender appenderIn(Configuration config, Fixture fixture, String name)
    {
        CloudWatchLogsAppender appender = CloudWatchLogsAppender.newBuilder().setName(name).setLogGroup("/test/log4j2")
                .setClient(fixture.client).setConfiguration(config).build();
        appender.start();
        return appender;
    }

    @Test
    void whatTheSdkWarnsAboutDuringTheFinalDeliveryAtStopIsCountedAsRecursionWithoutErrors()
    {
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> fixture.logger("software.amazon.awssdk.request")
                .warn("Sending Request: PutLogEvents"));
        // Nothing is sent before stop: the only PutLogEvents is the final one, made while still attached.
        fixture.builder.setLingerMillis(60000).setIgnoreExceptions(false);
        fixture.start();
        fixture.logger("com.example.Orders").info("last words");

        fixture.appender.stop(10, java.util.concurrent.TimeUnit.SECONDS);
        fixture.close();

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(1);
        assertThat(stats.dropped(DropReason.SHUTDOWN)).isZero();
        assertThat(fixture.status.errors()).noneMatch(s -> s.contains("non-started"));
    }


    /**
     * Below WARN, a logger called on an engine thread is disabled (so nothing is queued by an async front); WARN and
     * above pass, reach our appender (through the async front, if any) and are refused by the thread they came from.
     */
    private static void assertEngineThreadLoggingNeverLoops(Fixture fixture)
    {
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

        fixture.logger("com.example.Orders").info("application event");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.appender.getStatistics().dropped(DropReason.RECURSION) >= 1);
        fixture.close();

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(enabledOnSender).isNotEmpty().containsOnly("debug=false info=false warn=true");
        assertThat(fixture.client.messages()).singleElement().asString().contains("application event");
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(stats.batchesSent());
        assertThat(stats.isBalanced()).isTrue();
    }
}
