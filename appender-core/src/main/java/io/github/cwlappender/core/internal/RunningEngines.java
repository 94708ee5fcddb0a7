package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The engines running in this class loader: an engine joins when it starts and leaves when it stops. Flushing every
 * appender at once and the Micrometer binder read it; listeners hear of each start and stop.
 *
 * <p>Reading the list takes no lock, so a flush at the end of every request costs no contention. Changes and
 * listener calls are serialised, so a listener that subscribes while engines start and stop hears of each engine
 * exactly once as started and, later, once as stopped.
 */
public final class RunningEngines
{
    /** Told of engines starting and stopping. Called on the thread that starts or stops the engine. */
    public interface Listener
    {
        void started(CloudWatchLogsEngine engine);

        void stopped(CloudWatchLogsEngine engine);
    }

    private static final Object CHANGES = new Object();
    private static final List<CloudWatchLogsEngine> RUNNING = new CopyOnWriteArrayList<>();
    // Guarded by CHANGES.
    private static final List<Listener> LISTENERS = new ArrayList<>();

    private RunningEngines()
    {
    }

    /** The engines running now, in the order they started. */
    public static List<CloudWatchLogsEngine> snapshot()
    {
        return Collections.unmodifiableList(new ArrayList<>(RUNNING));
    }

    /** Adds a started engine; a listener's failure goes to {@code problems}, never to the caller. */
    public static void started(CloudWatchLogsEngine engine, Consumer<String> problems)
    {
        synchronized (CHANGES)
        {
            if (RUNNING.contains(engine))
            {
                return;
            }
            RUNNING.add(engine);
            for (Listener listener : LISTENERS)
            {
                notify(listener, engine, true, problems);
            }
        }
    }

    /** Removes a stopped engine; nothing happens for an engine that was not running. */
    public static void stopped(CloudWatchLogsEngine engine, Consumer<String> problems)
    {
        synchronized (CHANGES)
        {
            if (!RUNNING.remove(engine))
            {
                return;
            }
            for (Listener listener : LISTENERS)
            {
                notify(listener, engine, false, problems);
            }
        }
    }

    /** Adds a listener and tells it, at once, of every engine running now. */
    public static void subscribe(Listener listener)
    {
        synchronized (CHANGES)
        {
            LISTENERS.add(listener);
            for (CloudWatchLogsEngine engine : RUNNING)
            {
                listener.started(engine);
            }
        }
    }

    public static void unsubscribe(Listener listener)
    {
        synchronized (CHANGES)
        {
            LISTENERS.remove(listener);
        }
    }

    private static void notify(Listener listener, CloudWatchLogsEngine engine, boolean started,
            Consumer<String> problems)
    {
        try
        {
            if (started)
            {
                listener.started(engine);
            }
            else
            {
                listener.stopped(engine);
            }
        }
        catch (RuntimeException | LinkageError e)
        {
            // Monitoring must never stop logging: report and carry on.
            problems.accept("a listener on running appenders failed (" + listener.getClass().getName() + "): " + e);
        }
    }
}
