package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JmxTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void eachRunningAppenderShowsItsBooksOverJmxUntilItStops() throws Exception
    {
        ObjectName name = new ObjectName("io.github.cwlappender:type=CloudWatchLogsAppender,name=jmx-orders");
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).name("jmx-orders").build(),
                status);
        long now = System.currentTimeMillis();
        engine.append(now, "stored");
        engine.append(now, "");
        engine.append(now - TimeUnit.DAYS.toMillis(20), "too old");
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

        EngineStatistics books = engine.statistics();
        assertThat(server.getAttribute(name, "LogGroup")).isEqualTo(TestEngines.GROUP);
        assertThat(server.getAttribute(name, "Accepted")).isEqualTo(books.accepted()).isEqualTo(3L);
        assertThat(server.getAttribute(name, "Delivered")).isEqualTo(books.delivered()).isEqualTo(1L);
        assertThat(server.getAttribute(name, "Rejected")).isEqualTo(books.rejected()).isEqualTo(1L);
        assertThat(server.getAttribute(name, "Dropped")).isEqualTo(books.dropped()).isEqualTo(1L);
        assertThat(count((TabularData) server.getAttribute(name, "DroppedByReason"), "EMPTY")).isEqualTo(1L);
        assertThat(count((TabularData) server.getAttribute(name, "RejectedByReason"), "TOO_OLD")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "Pending")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "BatchesSent")).isEqualTo(books.batchesSent());
        assertThat(server.getAttribute(name, "BufferedBytes")).isEqualTo(0L);
        assertThat(server.getAttribute(name, "BufferBytesLimit")).isEqualTo(EngineConfig.DEFAULT_BUFFER_BYTES);
        assertThat(server.getAttribute(name, "DeliveryHealthy")).isEqualTo(true);
        assertThat(server.getAttribute(name, "DeliveryFailure")).isNull();

        engine.stop(Duration.ofSeconds(5));

        assertThat(server.isRegistered(name)).as("unregistered at stop").isFalse();
    }

    @Test
    void aSecondAppenderOfTheSameNameIsShownAsAnotherInstance() throws Exception
    {
        CloudWatchLogsEngine first = TestEngines.started(TestEngines.config(client).name("jmx-twice").build(), status);
        CloudWatchLogsEngine second = TestEngines.started(TestEngines.config(new FakeLogsClient()).name("jmx-twice")
                .build(), status);
        try
        {
            assertThat(server.isRegistered(
                    new ObjectName("io.github.cwlappender:type=CloudWatchLogsAppender,name=jmx-twice"))).isTrue();
            assertThat(server.isRegistered(new ObjectName(
                    "io.github.cwlappender:type=CloudWatchLogsAppender,name=jmx-twice,instance=2"))).isTrue();
        }
        finally
        {
            first.stop(Duration.ofSeconds(5));
            second.stop(Duration.ofSeconds(5));
        }
        assertThat(server.queryNames(new ObjectName("io.github.cwlappender:name=jmx-twice,*"), null)).isEmpty();
    }

    private static long count(TabularData table, String reason)
    {
        CompositeData row = table.get(new Object[] {reason});
        return (Long) row.get("value");
    }
}
