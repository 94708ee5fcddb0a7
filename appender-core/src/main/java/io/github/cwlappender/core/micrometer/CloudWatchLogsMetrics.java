package io.github.cwlappender.core.micrometer;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.internal.RunningEngines;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Micrometer meters for the CloudWatch Logs appenders running in this JVM: the figures the JMX
 * {@code CloudWatchLogsAppenderMXBean} shows, as {@code cloudwatch.logs.appender.*} function counters (monotonic
 * counts, read from the appender's own books when the registry asks) and gauges (levels), tagged {@code appender}
 * (the appender's name) and {@code logGroup}; the rejected and dropped counts also by {@code reason}.
 *
 * <p>{@link #bindTo(MeterRegistry)} registers meters for every matching appender running now, and a listener adds
 * them for appenders that start later and removes them when an appender stops (an appender's JMX MBean comes and
 * goes the same way). A stopped appender's last values are therefore not kept: read them from its statistics or
 * its final status line. Appenders are matched by name and log group: while a reconfiguration runs an old and a new
 * appender of the same name and group side by side, their meters show the sum.
 *
 * <p>Micrometer is an optional dependency of this library: only an application that creates this class needs it
 * on its class path. With Spring Boot, declare it as a bean and Actuator binds it to its registry. {@link #close()}
 * stops following appenders and removes the meters; Spring calls it when the context closes.
 *
 * @since 0.2.0
 */
public final class CloudWatchLogsMetrics implements MeterBinder, AutoCloseable
{
    private final Predicate<CloudWatchLogsEngine> which;
    private final Tags extraTags;
    private final RunningEngines.Listener listener = new EngineListener();
    // All guarded by this.
    private final List<MeterRegistry> registries = new ArrayList<>();
    private final Map<List<String>, AppenderMeters> byAppender = new HashMap<>();
    private boolean subscribed;
    private boolean closed;

    /** Meters for every appender running in this JVM, now and later. */
    public CloudWatchLogsMetrics()
    {
        this(Tags.empty());
    }

    /** As {@link #CloudWatchLogsMetrics()}, with these tags added to every meter. */
    public CloudWatchLogsMetrics(Iterable<Tag> extraTags)
    {
        this(engine -> true, extraTags);
    }

    private CloudWatchLogsMetrics(Predicate<CloudWatchLogsEngine> which, Iterable<Tag> extraTags)
    {
        this.which = which;
        this.extraTags = Tags.of(Objects.requireNonNull(extraTags, "extraTags"));
    }

    /** Meters for the appenders of this name only (in any logging context), now and later. */
    public static CloudWatchLogsMetrics forAppender(String appenderName)
    {
        Objects.requireNonNull(appenderName, "appenderName");
        return new CloudWatchLogsMetrics(engine -> appenderName.equals(engine.config().name()), Tags.empty());
    }

    /**
     * Meters for this one engine: registered while it runs (from when it starts, if it has not yet), removed when it
     * stops.
     */
    public static CloudWatchLogsMetrics forEngine(CloudWatchLogsEngine engine)
    {
        Objects.requireNonNull(engine, "engine");
        return new CloudWatchLogsMetrics(running -> running == engine, Tags.empty());
    }

    @Override
    public void bindTo(MeterRegistry registry)
    {
        Objects.requireNonNull(registry, "registry");
        boolean subscribeNow;
        synchronized (this)
        {
            if (closed || registries.contains(registry))
            {
                return;
            }
            registries.add(registry);
            for (AppenderMeters meters : byAppender.values())
            {
                meters.registerIn(registry);
            }
            subscribeNow = !subscribed;
            subscribed = true;
        }
        // Outside this lock: the registry tells listeners of changes under its own lock, which then takes this one.
        if (subscribeNow)
        {
            RunningEngines.subscribe(listener);
        }
    }

    /** Stops following appenders and removes every meter this binder registered. Idempotent. */
    @Override
    public void close()
    {
        synchronized (this)
        {
            if (closed)
            {
                return;
            }
            closed = true;
            byAppender.values().forEach(AppenderMeters::removeEverywhere);
            byAppender.clear();
            registries.clear();
        }
        RunningEngines.unsubscribe(listener);
    }

    private synchronized void started(CloudWatchLogsEngine engine)
    {
        if (closed || !which.test(engine))
        {
            return;
        }
        AppenderMeters meters = byAppender.computeIfAbsent(key(engine), k -> new AppenderMeters(
                Tags.of("appender", k.get(0), "logGroup", k.get(1)).and(extraTags)));
        meters.add(engine);
        for (MeterRegistry registry : registries)
        {
            meters.registerIn(registry);
        }
    }

    private synchronized void stopped(CloudWatchLogsEngine engine)
    {
        List<String> key = key(engine);
        AppenderMeters meters = byAppender.get(key);
        if (meters != null && meters.remove(engine))
        {
            meters.removeEverywhere();
            byAppender.remove(key);
        }
    }

    private static List<String> key(CloudWatchLogsEngine engine)
    {
        return List.of(engine.config().name(), engine.config().logGroup());
    }

    @Override
    public String toString()
    {
        synchronized (this)
        {
            return "CloudWatchLogsMetrics" + byAppender.keySet();
        }
    }

    private final class EngineListener implements RunningEngines.Listener
    {
        @Override
        public void started(CloudWatchLogsEngine engine)
        {
            CloudWatchLogsMetrics.this.started(engine);
        }

        @Override
        public void stopped(CloudWatchLogsEngine engine)
        {
            CloudWatchLogsMetrics.this.stopped(engine);
        }
    }
}
