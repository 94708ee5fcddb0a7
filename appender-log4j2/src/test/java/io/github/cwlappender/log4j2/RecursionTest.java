package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
        assertEngineThreadLoggingNeverLoops(new Fixture());
    }

    @Test
    void behindAsyncLoggersWhatTheEngineThreadsLogIsStillNeverSent()
    {
        assertEngineThreadLoggingNeverLoops(Fixture.allAsync());
    }

    @Test
    void behindAnAsyncRootWhatTheEngineThreadsLogIsStillNeverSent()
    {
        assertEngineThreadLoggingNeverLoops(Fixture.asyncRoot());
    }

    @Test
    void whatTheSdkLogsDuringTheFinalDeliveryAtStopIsCountedAsRecursionWithoutErrors()
    {
        Fixture fixture = new Fixture();
        fixture.client.beforePut(request -> fixture.logger("software.amazon.awssdk.request")
                .debug("Sending Request: PutLogEvents"));
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


    private static void assertEngineThreadLoggingNeverLoops(Fixture fixture)
    {
        // Any logger at all, called from inside the sender (as an SDK interceptor or credentials provider might).
        fixture.client.beforePut(request -> fixture.logger("com.example.Interceptor")
                .info("putting {} events", request.logEvents().size()));
        fixture.start();

        fixture.logger("com.example.Orders").info("application event");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fixture.appender.getStatistics().dropped(DropReason.RECURSION) >= 1);
        fixture.close();

        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(fixture.client.messages()).singleElement().asString().contains("application event");
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.dropped(DropReason.RECURSION)).isEqualTo(stats.batchesSent());
        assertThat(stats.isBalanced()).isTrue();
    }
}
