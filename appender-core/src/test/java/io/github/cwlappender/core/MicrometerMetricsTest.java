package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cwlappender.core.micrometer.CloudWatchLogsMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MicrometerMetricsTest
{
    private static final String PREFIX = "cloudwatch.logs.appender.";

    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<CloudWatchLogsEngine> engines = new ArrayList<>();
    private final List<CloudWatchLogsMetrics> binders = new ArrayList<>();

    @AfterEach
    void stopEverything()
    {
        engines.forEach(e -> e.stop(Duration.ofSeconds(5)));
        binders.forEach(CloudWatchLogsMetrics::close);
    }

    @Test
    void theMetersShowTheEngineBooksTaggedWithAppenderAndLogGroup()
    {
        client.thenThrow(throttling());
        CloudWatchLogsEngine engine = started(TestEngines.config(client).name("mm-books").build());
        long now = System.currentTimeMillis();
        for (int i = 0; i < 250; i++)
        {
            engine.append(now, "event " + i);
        }
        engine.append(now, "");
        engine.append(now - TimeUnit.DAYS.toMillis(20), "too old");
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        bind(new CloudWatchLogsMetrics());

        EngineStatistics books = engine.statistics();
        assertThat(books.delivered()).isEqualTo(250);
        assertThat(books.throttles()).isEqualTo(1);
        assertThat(count("mm-books", "events.accepted")).isEqualTo(books.accepted()).isEqualTo(252);
        assertThat(count("mm-books", "events.delivered")).isEqualTo(books.delivered());
        for (DropReason reason : DropReason.values())
        {
            assertThat(count("mm-books", "events.dropped", Tag.of("reason", reason.name())))
                    .as("dropped %s", reason).isEqualTo(books.dropped(reason));
        }
        for (RejectReason reason : RejectReason.values())
        {
            assertThat(count("mm-books", "events.rejected", Tag.of("reason", reason.name())))
                    .as("rejected %s", reason).isEqualTo(books.rejected(reason));
        }
        assertThat(count("mm-books", "events.dropped", Tag.of("reason", "EMPTY"))).isEqualTo(1);
        assertThat(count("mm-books", "events.rejected", Tag.of("reason", "TOO_OLD"))).isEqualTo(1);
        assertThat(count("mm-books", "batches.sent")).isEqualTo(books.batchesSent()).isPositive();
        assertThat(count("mm-books", "retries")).isEqualTo(books.retries()).isEqualTo(1);
        assertThat(count("mm-books", "throttles")).isEqualTo(books.throttles());
        assertThat(count("mm-books", "events.truncated")).isEqualTo(books.truncated());
        assertThat(count("mm-books", "events.split")).isEqualTo(books.split());
        assertThat(level("mm-books", "events.pending")).isEqualTo(books.pending()).isZero();
        assertThat(level("mm-books", "buffer.used")).isEqualTo(engine.bufferedBytes());
        assertThat(level("mm-books", "buffer.limit")).isEqualTo(EngineConfig.DEFAULT_BUFFER_BYTES);
        assertThat(level("mm-books", "delivery.healthy")).isEqualTo(1);

        Meter delivered = registry.get(PREFIX + "events.delivered").tag("appender", "mm-books").meter();
        assertThat(delivered.getId().getTags()).containsExactlyInAnyOrder(Tag.of("appender", "mm-books"),
                Tag.of("logGroup", TestEngines.GROUP));
    }

    @Test
    void theCountsFollowTheEngineAfterBinding()
    {
        CloudWatchLogsEngine engine = started(TestEngines.config(client).name("mm-live").build());
        bind(new CloudWatchLogsMetrics());
        assertThat(count("mm-live", "events.delivered")).isZero();

        for (int i = 0; i < 40; i++)
        {
            engine.append(System.currentTimeMillis(), "event " + i);
        }
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(count("mm-live", "events.delivered")).isEqualTo(40);
        assertThat(count("mm-live", "events.accepted")).isEqualTo(40);
    }

    @Test
    void aGaugeShowsWhileDeliveryIsFailing()
    {
        client.always(r -> {
            throw SdkClientException.create("Connection refused");
        });
        CloudWatchLogsEngine engine = started(TestEngines.config(client).name("mm-failing")
                .retryTimeoutMillis(60_000).build());
        bind(new CloudWatchLogsMetrics());
        engine.append(System.currentTimeMillis(), "will not arrive");

        await().atMost(Duration.ofSeconds(10)).until(() -> level("mm-failing", "delivery.healthy") == 0);
        assertThat(level("mm-failing", "events.pending")).isEqualTo(1);
        assertThat(level("mm-failing", "buffer.used")).isPositive();
    }

    @Test
    void anAppenderThatStartsAfterBindingGetsMetersAndLosesThemWhenItStops()
    {
        bind(new CloudWatchLogsMetrics(Tags.of("service", "orders")));
        assertThat(registry.find(PREFIX + "events.delivered").tag("appender", "mm-later").meters()).isEmpty();

        CloudWatchLogsEngine engine = started(TestEngines.config(client).name("mm-later").build());
        engine.append(System.currentTimeMillis(), "one");
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(count("mm-later", "events.delivered")).isEqualTo(1);
        assertThat(registry.get(PREFIX + "events.delivered").tag("appender", "mm-later").meter().getId()
                .getTag("service")).isEqualTo("orders");

        engine.stop(Duration.ofSeconds(5));

        assertThat(metersOf("mm-later")).as("removed when the appender stops").isEmpty();
    }

    @Test
    void twoEnginesOfTheSameNameAndGroupShowTheirSumUntilTheLastStops()
    {
        bind(new CloudWatchLogsMetrics());
        CloudWatchLogsEngine old = started(TestEngines.config(client).name("mm-reconfigured").build());
        CloudWatchLogsEngine replacement = started(TestEngines.config(client).name("mm-reconfigured").build());
        old.append(System.currentTimeMillis(), "from the old one");
        replacement.append(System.currentTimeMillis(), "from the new one");
        replacement.append(System.currentTimeMillis(), "from the new one again");
        assertThat(old.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(replacement.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(count("mm-reconfigured", "events.delivered")).isEqualTo(3);

        old.stop(Duration.ofSeconds(5));
        assertThat(count("mm-reconfigured", "events.delivered")).isEqualTo(2);
        replacement.stop(Duration.ofSeconds(5));
        assertThat(metersOf("mm-reconfigured")).isEmpty();
    }

    @Test
    void aBinderForOneEngineShowsThatEngineOnly()
    {
        CloudWatchLogsEngine chosen = started(TestEngines.config(client).name("mm-chosen").build());
        started(TestEngines.config(new FakeLogsClient()).name("mm-other").build());

        bind(CloudWatchLogsMetrics.forEngine(chosen));

        assertThat(metersOf("mm-chosen")).isNotEmpty();
        assertThat(metersOf("mm-other")).isEmpty();
        chosen.stop(Duration.ofSeconds(5));
        assertThat(metersOf("mm-chosen")).isEmpty();
    }

    @Test
    void aBinderForOneAppenderNameFollowsThatName()
    {
        bind(CloudWatchLogsMetrics.forAppender("mm-named"));
        started(TestEngines.config(client).name("mm-named").build());
        started(TestEngines.config(new FakeLogsClient()).name("mm-unnamed").build());

        assertThat(metersOf("mm-named")).isNotEmpty();
        assertThat(metersOf("mm-unnamed")).isEmpty();
    }

    @Test
    void closingTheBinderRemovesItsMetersAndStopsFollowing()
    {
        started(TestEngines.config(client).name("mm-closed").build());
        CloudWatchLogsMetrics binder = bind(new CloudWatchLogsMetrics());
        assertThat(metersOf("mm-closed")).isNotEmpty();

        binder.close();
        started(TestEngines.config(new FakeLogsClient()).name("mm-after-close").build());

        assertThat(metersOf("mm-closed")).isEmpty();
        assertThat(metersOf("mm-after-close")).isEmpty();
    }

    @Test
    void oneBinderServesSeveralRegistries()
    {
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        CloudWatchLogsMetrics binder = bind(new CloudWatchLogsMetrics());
        binder.bindTo(second);
        CloudWatchLogsEngine engine = started(TestEngines.config(client).name("mm-two-registries").build());
        engine.append(System.currentTimeMillis(), "one");
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();

        assertThat(second.get(PREFIX + "events.delivered").tag("appender", "mm-two-registries").functionCounter()
                .count()).isEqualTo(1);
        engine.stop(Duration.ofSeconds(5));
        assertThat(second.find(PREFIX + "events.delivered").tag("appender", "mm-two-registries").meters())
                .isEmpty();
    }

    private CloudWatchLogsEngine started(EngineConfig config)
    {
        CloudWatchLogsEngine engine = TestEngines.started(config, status);
        engines.add(engine);
        return engine;
    }

    private CloudWatchLogsMetrics bind(CloudWatchLogsMetrics binder)
    {
        binders.add(binder);
        binder.bindTo(registry);
        return binder;
    }

    private long count(String appender, String name, Tag... tags)
    {
        FunctionCounter counter = registry.get(PREFIX + name).tag("appender", appender).tags(List.of(tags))
                .functionCounter();
        return (long) counter.count();
    }

    private double level(String appender, String name)
    {
        Gauge gauge = registry.get(PREFIX + name).tag("appender", appender).gauge();
        return gauge.value();
    }

    private List<Meter> metersOf(String appender)
    {
        List<Meter> found = new ArrayList<>();
        for (Meter meter : registry.getMeters())
        {
            if (appender.equals(meter.getId().getTag("appender")))
            {
                found.add(meter);
            }
        }
        return found;
    }

    private static ThrottlingException throttling()
    {
        return ThrottlingException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                .message("Rate exceeded").build();
    }
}
