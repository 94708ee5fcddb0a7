package io.github.cwlappender.log4j2;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.StatusListener;
import io.github.cwlappender.core.internal.EngineThread;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.ManagerFactory;

/**
 * The engine behind the {@code <CloudWatchLogs>} appenders that send to one destination with the same options,
 * shared as Log4j2's own network appenders share their managers. A reconfiguration builds and starts the new
 * configuration's appenders before it stops the old ones, so an unchanged appender finds its engine still running:
 * nothing is stopped or started, no thread is made, and every event accepted before the reconfiguration is still
 * delivered. The engine stops when its last appender stops; when that happens because a new configuration no longer
 * needs it, the reconfiguring thread waits {@link #HANDOVER_WAIT_MILLIS} at most and the engine finishes its delivery
 * alone, within its own {@code shutdownTimeoutMillis}, its losses counted and reported as at any stop.
 */
final class CloudWatchLogsManager extends AbstractManager
{
    /** The longest a reconfiguration waits for an engine it no longer needs before the engine goes on alone. */
    static final long HANDOVER_WAIT_MILLIS = 500;

    // On top of an engine's own deadline, for its stopper thread to end after it.
    private static final long STOPPER_END_MARGIN_MILLIS = 1000;
    // Stopper threads of engines handed over by reconfigurations, with the time by which each ends.
    private static final Map<Thread, Long> FINISHING = new LinkedHashMap<>();

    private static final ManagerFactory<CloudWatchLogsManager, Settings> FACTORY = (key, settings) ->
            new CloudWatchLogsManager(settings.context, key, CloudWatchLogsEngine.create(settings.config,
                    settings.status));

    private final CloudWatchLogsEngine engine;
    private volatile boolean handOverOnRelease;

    private CloudWatchLogsManager(LoggerContext context, String key, CloudWatchLogsEngine engine)
    {
        super(context, key);
        this.engine = engine;
    }

    /**
     * The running manager for this configuration's destination and options, or a new one with a new (stopped)
     * engine. Every call must be matched by one {@link #release}.
     */
    static CloudWatchLogsManager acquire(EngineConfig config, StatusListener status, LoggerContext context)
    {
        return getManager(keyOf(config), FACTORY, new Settings(config, status, context));
    }

    /**
     * Everything that makes an engine: the destination (endpoint, region, log group and stream), every option, the
     * appender's name (which its threads, its JMX name and its status messages carry), and a client or credentials
     * given in code, by identity.
     */
    static String keyOf(EngineConfig config)
    {
        return "CloudWatchLogs " + config + " client@" + System.identityHashCode(config.client()) + " credentials@"
                + System.identityHashCode(config.credentialsProvider());
    }

    CloudWatchLogsEngine engine()
    {
        return engine;
    }

    /** Starts the engine unless it runs already. */
    void startEngine()
    {
        engine.start();
    }

    /**
     * Gives up one appender's share. The last one stops the engine: within {@code timeoutMillis}, or, with
     * {@code handOver}, waiting {@link #HANDOVER_WAIT_MILLIS} at most while the engine finishes alone. Returns false
     * if events were lost, or, handed over, if the engine had not finished yet.
     */
    boolean release(long timeoutMillis, boolean handOver)
    {
        handOverOnRelease = handOver;
        return stop(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Called by Log4j2 when the last user has released the manager. */
    @Override
    protected boolean releaseSub(long timeout, TimeUnit timeUnit)
    {
        long limitMillis = timeout > 0 ? timeUnit.toMillis(timeout) : engine.config().shutdownTimeoutMillis();
        if (!handOverOnRelease)
        {
            return engine.stop(Duration.ofMillis(limitMillis));
        }
        boolean[] delivered = new boolean[1];
        Thread stopper = EngineThread.factory(engine.config().name(), "stopper")
                .newThread(() -> delivered[0] = engine.stop(Duration.ofMillis(limitMillis)));
        long endsBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis + STOPPER_END_MARGIN_MILLIS);
        stopper.start();
        join(stopper, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(HANDOVER_WAIT_MILLIS, limitMillis)));
        if (stopper.isAlive())
        {
            synchronized (FINISHING)
            {
                FINISHING.put(stopper, endsBy);
            }
            return false;
        }
        // Seeing the stopper ended orders its write of delivered before this read.
        return delivered[0];
    }

    /**
     * Waits for the engines that reconfigurations left finishing, each until its own deadline, so that stopping the
     * logging context (at exit, say) still delivers what they held.
     */
    static void awaitHandedOver()
    {
        Map<Thread, Long> waiting;
        synchronized (FINISHING)
        {
            waiting = new LinkedHashMap<>(FINISHING);
            FINISHING.clear();
        }
        waiting.forEach(CloudWatchLogsManager::join);
    }

    private static void join(Thread thread, long deadlineNanos)
    {
        boolean interrupted = false;
        while (thread.isAlive() && deadlineNanos - System.nanoTime() > 0)
        {
            try
            {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
            }
            catch (InterruptedException e)
            {
                // The wait is bounded; the interrupt is handed back to the caller below.
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** What a new manager is made of. */
    private static final class Settings
    {
        final EngineConfig config;
        final StatusListener status;
        final LoggerContext context;

        Settings(EngineConfig config, StatusListener status, LoggerContext context)
        {
            this.config = config;
            this.status = status;
            this.context = context;
        }
    }
}
