package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JmxTest
{
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void theAppenderShowsItsStatisticsOverJmxUnderItsNameUntilTheContextStops() throws Exception
    {
        ObjectName name = new ObjectName("io.github.cwlappender:type=CloudWatchLogsAppender,name=" + Fixture.NAME);
        try (Fixture fixture = new Fixture().start())
        {
            fixture.context.getLogger("com.example.Orders").info("order accepted");
            fixture.context.getLogger("com.example.Orders").warn("stock low");
            fixture.flush();

            assertThat(server.getAttribute(name, "Accepted")).isEqualTo(fixture.appender.getStatistics().accepted())
                    .isEqualTo(2L);
            assertThat(server.getAttribute(name, "Delivered")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "LogGroup")).isEqualTo("/test/logback");
        }
        assertThat(server.isRegistered(name)).as("unregistered when the context stops").isFalse();
    }

    @Test
    void reconfiguringTwentyTimesLeavesOneRegistrationAtMost() throws Exception
    {
        ObjectName pattern = new ObjectName("io.github.cwlappender:type=CloudWatchLogsAppender,*");
        int before = server.queryNames(pattern, null).size();
        for (int i = 0; i < 20; i++)
        {
            try (Fixture fixture = new Fixture().start())
            {
                fixture.context.getLogger(Logger.ROOT_LOGGER_NAME).info("round {}", i);
                assertThat(server.queryNames(pattern, null)).hasSize(before + 1);
            }
        }
        assertThat(server.queryNames(pattern, null)).hasSize(before);
    }
}
