package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.StatusListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends the engine's status messages to the framework, prefixed with the appender's name and rate-limited per
 * topic so that a failing network produces a few lines, not a flood. Never throws.
 */
public final class StatusReporter
{
    private static final long DEFAULT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String prefix;
    private final StatusListener listener;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();

    public StatusReporter(String appenderName, StatusListener listener)
    {
        this(appenderName, listener, DEFAULT_INTERVAL_NANOS);
    }

    StatusReporter(String appenderName, StatusListener listener, long intervalNanos)
    {
        this.prefix = "CloudWatch Logs appender [" + appenderName + "]: ";
        this.listener = listener;
        this.intervalNanos = intervalNanos;
    }

    public void info(String message)
    {
        try
        {
            listener.info(prefix + message);
        }
        catch (RuntimeException ignored)
        {
            // A broken status listener must not break delivery.
        }
    }

    public void warn(String message)
    {
        try
        {
            listener.warn(prefix + message, null);
        }
        catch (RuntimeException ignored)
        {
            // as above
        }
    }

    public void error(String message)
    {
        try
        {
            listener.error(prefix + message, null);
        }
        catch (RuntimeException ignored)
        {
            // as above
        }
    }

    /** A warning shown at most once per interval for its topic; the next one says how many were suppressed. */
    public void warnLimited(String topic, String message)
    {
        String text = limited(topic, message);
        if (text != null)
        {
            warn(text);
        }
    }

    /** An error shown at most once per interval for its topic. */
    public void errorLimited(String topic, String message)
    {
        String text = limited(topic, message);
        if (text != null)
        {
            error(text);
        }
    }

    private String limited(String topic, String message)
    {
        Topic t = topics.computeIfAbsent(topic, k -> new Topic());
        synchronized (t)
        {
            long now = System.nanoTime();
            if (t.everShown && now - t.lastShownNanos < intervalNanos)
            {
                t.suppressed++;
                return null;
            }
            String text = t.suppressed == 0 ? message
                    : message + " (" + t.suppressed + " similar messages suppressed)";
            t.everShown = true;
            t.lastShownNanos = now;
            t.suppressed = 0;
            return text;
        }
    }

    /** A report of lost events: adapters make these visible even where no status output is configured. */
    public void dataLoss(String message)
    {
        try
        {
            listener.dataLoss(prefix + message);
        }
        catch (RuntimeException ignored)
        {
            // as above
        }
    }

    private static final class Topic
    {
        boolean everShown;
        long lastShownNanos;
        long suppressed;
    }
}
