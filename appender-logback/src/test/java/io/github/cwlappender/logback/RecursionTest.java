package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecursionTest
{
    @Test
    void eventsFromTheAwsSdkItsHttpClientsAndThisLibraryAreCountedButNeverSent()
    {
        try (Fixture fixture = new Fixture().start())
        {
            fixture.logger("com.example.Orders").info("application event 1");
            fixture.logger("software.amazon.awssdk.request").debug("Sending Request: PutLogEvents");
            fixture.logger("org.apache.http.wire").trace(">> POST / HTTP/1.1");
            fixture.logger("io.netty.channel.DefaultChannelPipeline").debug("channel active");
            fixture.logger("io.github.cwlappender.core.internal.BatchDelivery").debug("batch sent");
            fixture.logger("com.example.Orders").info("application event 2");
            fixture.flush();

            assertThat(fixture.client.messages()).hasSize(2)
                    .allSatisfy(m -> assertThat(m).contains("application event"));
            EngineStatistics stats = fixture.appender.getStatistics();
            assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(4);
            assertThat(stats.delivered()).isEqualTo(2);
            assertThat(stats.isBalanced()).isTrue();
        }
    }

    @Test
    void whatIsLoggedOnTheEngineThreadsIsCountedInsteadOfSentInALoop()
    {
        Fixture fixture = new Fixture();
        // Any logger at all, called from inside the sender (as an SDK interceptor or credentials provider might).
        fixture.client.beforePut(request -> fixture.logger("com.example.Interceptor")
                .info("putting {} events", request.logEvents().size()));
        fixture.start();

        for (int i = 0; i < 5; i++)
        {
            fixture.logger("com.example.Orders").info("application event {}", i);
        }
        fixture.flush();
        fixture.close();

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(fixture.client.messages()).hasSize(5).noneMatch(m -> m.contains("putting"));
        assertThat(stats.delivered()).isEqualTo(5);
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(stats.batchesSent()).isPositive();
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void behindAnAsyncAppenderWhatTheEngineThreadsLogIsStillNeverSent()
    {
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> fixture.logger("com.example.Interceptor")
                .info("putting {} events", request.logEvents().size()));
        fixture.appender.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(fixture.context);
        async.setName("ASYNC");
        async.addAppender(fixture.appender);
        async.start();
        Logger root = fixture.logger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(async);

        fixture.logger("com.example.Orders").info("application event");
        // The interceptor's event travels through the async queue to our appender on Logback's worker thread.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.appender.getStatistics().dropped(DropReason.RECURSION) >= 1);
        fixture.close();

        assertThat(fixture.client.messages()).singleElement().asString().contains("application event");
        assertThat(fixture.appender.getStatistics().isBalanced()).isTrue();
    }

    @Test
    void whatTheSdkLogsDuringTheFinalDeliveryAtStopIsCountedAsRecursionWithoutWarnings()
    {
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> fixture.logger("software.amazon.awssdk.request")
                .debug("Sending Request: PutLogEvents"));
        // Nothing is sent before stop: the only PutLogEvents is the final one.
        fixture.appender.setLingerMillis("60000");
        fixture.start();
        fixture.logger("com.example.Orders").info("last words");

        fixture.close();

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(1);
        assertThat(stats.dropped(DropReason.SHUTDOWN)).isZero();
        assertThat(fixture.statusesOfAppender()).noneMatch(s -> s.contains("non started"));
    }

}
