package io.github.cwlappender.core.micrometer;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.RejectReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The meters of one appender writing to one log group, in every registry they are bound to. They read the
 * engines' own counters when the registry asks (no counting of their own), so they always agree with
 * {@link CloudWatchLogsEngine#statistics()}. Usually one engine stands behind them; while a logging reconfiguration
 * briefly runs an old and a new engine of the same name and group side by side, the meters show their sum.
 *
 * <p>Not thread-safe by itself: {@link CloudWatchLogsMetrics} serialises the changes. The meters may be read on
 * any thread.
 */
final class AppenderMeters
{
    static final String PREFIX = "cloudwatch.logs.appender.";

    private final Tags tags;
    private final List<CloudWatchLogsEngine> engines = new CopyOnWriteArrayList<>();
    private final Map<MeterRegistry, List<Meter>> registered = new IdentityHashMap<>();

    AppenderMeters(Tags tags)
    {
        this.tags = tags;
    }

    void add(CloudWatchLogsEngine engine)
    {
        engines.add(engine);
    }

    /** Returns true when no engine is left behind these meters. */
    boolean remove(CloudWatchLogsEngine engine)
    {
        engines.remove(engine);
        return engines.isEmpty();
    }

    void registerIn(MeterRegistry registry)
    {
        if (registered.containsKey(registry))
        {
            return;
        }
        List<Meter> meters = new ArrayList<>();
        meters.add(counter(registry, "events.accepted", EngineStatistics::accepted,
                "Events that entered the appender (each extra piece of a split event counts once more)"));
        meters.add(counter(registry, "events.delivered", EngineStatistics::delivered,
                "Events CloudWatch Logs stored"));
        for (RejectReason reason : RejectReason.values())
        {
            meters.add(counter(registry, "events.rejected", Tags.of("reason", tagValue(reason)),
                    stats -> stats.rejected(reason), "Events refused for their timestamp, by reason"));
        }
        for (DropReason reason : DropReason.values())
        {
            meters.add(counter(registry, "events.dropped", Tags.of("reason", tagValue(reason)),
                    stats -> stats.dropped(reason), "Events the appender gave up on, by reason"));
        }
        meters.add(counter(registry, "events.truncated", EngineStatistics::truncated,
                "Events cut to maxEventBytes"));
        meters.add(counter(registry, "events.split", EngineStatistics::split,
                "Events cut into several pieces (oversize=SPLIT)"));
        meters.add(counter(registry, "batches.sent", EngineStatistics::batchesSent,
                "Successful PutLogEvents requests"));
        meters.add(counter(registry, "retries", EngineStatistics::retries,
                "PutLogEvents attempts repeated after a retryable failure"));
        meters.add(counter(registry, "throttles", EngineStatistics::throttles,
                "PutLogEvents attempts the service throttled"));
        meters.add(gauge(registry, "events.pending", null, AppenderMeters::pending,
                "Events accepted but not yet delivered, rejected or dropped: buffered or in flight"));
        meters.add(gauge(registry, "buffer.used", BaseUnits.BYTES, AppenderMeters::bufferedBytes,
                "Bytes of bufferBytes that buffered events take now"));
        meters.add(gauge(registry, "buffer.limit", BaseUnits.BYTES, AppenderMeters::bufferLimit,
                "The bufferBytes budget"));
        meters.add(gauge(registry, "delivery.healthy", null, AppenderMeters::healthy,
                "1 while delivery is healthy, 0 while it counts as failing (a full buffer then drops at once)"));
        registered.put(registry, meters);
    }

    /** Removes these meters from every registry they were registered in. */
    void removeEverywhere()
    {
        registered.forEach((registry, meters) -> meters.forEach(registry::remove));
        registered.clear();
    }

    private Meter counter(MeterRegistry registry, String name, ToLongFunction<EngineStatistics> count,
            String description)
    {
        return counter(registry, name, Tags.empty(), count, description);
    }

    private Meter counter(MeterRegistry registry, String name, Tags extra, ToLongFunction<EngineStatistics> count,
            String description)
    {
        // Micrometer holds this object weakly; CloudWatchLogsMetrics holds it strongly until the meters go.
        return FunctionCounter.builder(PREFIX + name, this, meters -> meters.sum(count))
                .tags(tags.and(extra))
                .description(description)
                .register(registry);
    }

    private Meter gauge(MeterRegistry registry, String name, String baseUnit, ToDoubleFunction<AppenderMeters> level,
            String description)
    {
        return Gauge.builder(PREFIX + name, this, level)
                .tags(tags)
                .baseUnit(baseUnit)
                .description(description)
                .register(registry);
    }

    private double sum(ToLongFunction<EngineStatistics> count)
    {
        long total = 0;
        for (CloudWatchLogsEngine engine : engines)
        {
            total += count.applyAsLong(engine.statistics());
        }
        return total;
    }

    private double pending()
    {
        return sum(EngineStatistics::pending);
    }

    private double bufferedBytes()
    {
        long total = 0;
        for (CloudWatchLogsEngine engine : engines)
        {
            total += engine.bufferedBytes();
        }
        return total;
    }

    private double bufferLimit()
    {
        long total = 0;
        for (CloudWatchLogsEngine engine : engines)
        {
            total += engine.config().bufferBytes();
        }
        return total;
    }

    private double healthy()
    {
        for (CloudWatchLogsEngine engine : engines)
        {
            if (engine.deliveryFailure() != null)
            {
                return 0;
            }
        }
        return 1;
    }

    /** The reason's name as the statistics and JMX show it, for example BUFFER_FULL. */
    static String tagValue(Enum<?> reason)
    {
        return reason.name();
    }
}
