package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

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
            fixture.logger("com.example.Orders").info("order accepted");
            fixture.logger("com.example.Orders").warn("stock low");
            fixture.flush();

            assertThat(server.getAttribute(name, "Accepted")).isEqualTo(fixture.appender.getStatistics().accepted())
                    .isEqualTo(2L);
            assertThat(server.getAttribute(name, "Delivered")).isEqualTo(2L);
        }
        assertThat(server.isRegistered(name)).as("unregistered when the context stops").isFalse();
    }
}
