package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineStatistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncLoggersTest
{
    @AfterEach
    void clearThreadContext()
    {
        ThreadContext.clearAll();
    }

    @Test
    void withEveryLoggerAsyncEventsKeepTheThreadContextAndMarkersOfTheLoggingThread()
    {
        Fixture fixture = Fixture.allAsync();
        assertThreadContextSurvivesTheHandOver(fixture);
        assertThat(fixture.logger("com.example.Orders")).isInstanceOf(AsyncLogger.class);
    }

    @Test
    void behindAnAsyncRootEventsKeepTheThreadContextAndMarkersOfTheLoggingThread()
    {
        assertThreadContextSurvivesTheHandOver(Fixture.asyncRoot());
    }

    @Test
    void stoppingAnAsyncContextDeliversEverythingLoggedBefore()
    {
        Fixture fixture = Fixture.allAsync();
        fixture.builder.setLingerMillis(60000);
        fixture.start();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++)
        {
            fixture.logger("com.example.Orders").info("order {}", i);
            expected.add(i + "");
        }

        fixture.close();

        assertThat(fixture.client.messages()).extracting(m -> m.substring(m.lastIndexOf(' ') + 1))
                .containsExactlyElementsOf(expected);
        EngineStatistics stats = fixture.appender.getStatistics();
        assertThat(stats.delivered()).isEqualTo(500);
        assertThat(stats.isBalanced()).isTrue();
    }

    private static void assertThreadContextSurvivesTheHandOver(Fixture fixture)
    {
        fixture.builder.setLayout(PatternLayout.newBuilder().withPattern("%X{orderId} %marker %t %msg").build());
        fixture.start();
        Logger logger = fixture.logger("com.example.Orders");
        String thread = Thread.currentThread().getName();

        for (int i = 0; i < 3; i++)
        {
            ThreadContext.put("orderId", "o-" + i);
            logger.info(MarkerManager.getMarker("AUDIT"), "order placed");
            // Changed at once: the async thread must see the value at the time of the call.
            ThreadContext.put("orderId", "changed");
        }
        fixture.close();

        assertThat(fixture.client.messages()).containsExactly(
                "o-0 AUDIT " + thread + " order placed",
                "o-1 AUDIT " + thread + " order placed",
                "o-2 AUDIT " + thread + " order placed");
    }
}
