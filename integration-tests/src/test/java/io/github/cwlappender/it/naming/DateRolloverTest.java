package io.github.cwlappender.it.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.internal.Pipeline;
import io.github.cwlappender.core.internal.StatusReporter;
import io.github.cwlappender.core.internal.naming.NameSources;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code {date}} against the strict fake, across a midnight simulated by the clock the names read. The engine is
 * the public engine's pipeline, built with that clock; everything else is the default path.
 */
class DateRolloverTest
{
    private static final String GROUP = "/names/rollover";

    private final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
    private final NamingStatus status = new NamingStatus();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-14T23:59:59.250Z"));

    @AfterEach
    void stopServer()
    {
        server.stop();
    }

    private Pipeline pipeline(EngineConfig.Builder builder)
    {
        EngineConfig config = builder.name("rollover").endpoint(server.endpoint()).region(server.region())
                .credentialsProvider(server.credentials()).lingerMillis(50).build();
        return new Pipeline(config, new StatusReporter(config.name(), status), NameSources.system().withClock(clock));
    }

    /** The application-thread path of the public engine's {@code append(timestamp, message)}. */
    private static boolean append(Pipeline pipeline, long timestamp, String message)
    {
        return pipeline.append(timestamp, message, false);
    }

    /** A stream's events as GetLogEvents returns them: by timestamp (the record itself is in arrival order). */
    private static List<String> messages(List<StoredEvent> stored)
    {
        return stored.stream().sorted((a, b) -> Long.compare(a.timestamp(), b.timestamp()))
                .map(StoredEvent::message).collect(Collectors.toList());
    }

    @Test
    void eventsBeforeAndAfterMidnightLandInTheirDaysStreamsNothingLostOrderKept()
    {
        Pipeline pipeline = pipeline(EngineConfig.builder().logGroup(GROUP).logStream("web-1/{date}"));
        pipeline.start();
        long now = System.currentTimeMillis();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        try
        {
            for (int i = 0; i < 300; i++)
            {
                before.add("before " + i);
                assertThat(append(pipeline, now + i, "before " + i)).isTrue();
            }
            assertThat(pipeline.flush(TimeUnit.SECONDS.toNanos(30))).as("status: %s", status.reports).isTrue();

            clock.now = Instant.parse("2026-03-15T00:00:00.100Z");
            for (int i = 0; i < 300; i++)
            {
                after.add("after " + i);
                assertThat(append(pipeline, now + 300 + i, "after " + i)).isTrue();
            }
            assertThat(pipeline.flush(TimeUnit.SECONDS.toNanos(30))).as("status: %s", status.reports).isTrue();
        }
        finally
        {
            assertThat(pipeline.stop(TimeUnit.SECONDS.toNanos(10))).isTrue();
        }

        List<StoredEvent> day1 = server.storedEvents(GROUP, "web-1/2026-03-14");
        List<StoredEvent> day2 = server.storedEvents(GROUP, "web-1/2026-03-15");
        assertThat(messages(day1)).containsExactlyElementsOf(before);
        assertThat(messages(day2)).containsExactlyElementsOf(after);
        EngineStatistics stats = pipeline.statistics();
        assertThat(stats.delivered()).isEqualTo(600);
        assertThat(stats.dropped()).isZero();
        assertThat(server.wholeRequestRejections()).isZero();
        assertThat(server.requests(StrictCloudWatchLogsServer.CREATE_LOG_STREAM, StrictCloudWatchLogsServer.OK))
                .as("one stream created per day").isEqualTo(2);
        assertThat(status.errors).isEmpty();
    }

    @Test
    void aSteadyFlowAcrossMidnightIsDeliveredExactlyOnceWithEachDaysStreamInOrder() throws Exception
    {
        Pipeline pipeline = pipeline(EngineConfig.builder().logGroup(GROUP + "/{date}").logStream("flow-{date}"));
        pipeline.start();
        long now = System.currentTimeMillis();
        int total = 4_000;
        try
        {
            for (int i = 0; i < total; i++)
            {
                if (i == total / 2)
                {
                    // Midnight strikes once the old day's stream holds something, with later batches still to come.
                    await().atMost(Duration.ofSeconds(30)).until(() -> !server.storedEvents(GROUP + "/2026-03-14",
                            "flow-2026-03-14").isEmpty());
                    clock.now = Instant.parse("2026-03-15T00:00:00Z");
                }
                assertThat(append(pipeline, now + i, String.format("event %05d", i))).isTrue();
                if (i % 500 == 0)
                {
                    Thread.sleep(20);
                }
            }
            assertThat(pipeline.flush(TimeUnit.SECONDS.toNanos(30))).as("status: %s", status.reports).isTrue();
        }
        finally
        {
            assertThat(pipeline.stop(TimeUnit.SECONDS.toNanos(10))).isTrue();
        }

        List<StoredEvent> day1 = server.storedEvents(GROUP + "/2026-03-14", "flow-2026-03-14");
        List<StoredEvent> day2 = server.storedEvents(GROUP + "/2026-03-15", "flow-2026-03-15");
        List<String> all = new ArrayList<>(messages(day1));
        all.addAll(messages(day2));
        assertThat(all).as("every event once; the day's stream is chosen when its batch is sent").hasSize(total)
                .doesNotHaveDuplicates();
        assertThat(day1).isNotEmpty();
        assertThat(day2).isNotEmpty();
        // A batch is named when it is sent, so an event logged after midnight can never be in the old day's stream.
        assertThat(messages(day1)).allMatch(m -> Integer.parseInt(m.substring(6)) < total / 2);
        assertThat(pipeline.statistics().delivered()).isEqualTo(total);
        assertThat(server.wholeRequestRejections()).isZero();
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock
    {
        volatile Instant now;

        MovableClock(Instant now)
        {
            this.now = now;
        }

        @Override
        public ZoneId getZone()
        {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone)
        {
            return this;
        }

        @Override
        public Instant instant()
        {
            return now;
        }
    }
}
