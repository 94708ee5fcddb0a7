package io.github.cwlappender.log4j2;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.StatusListener;
import io.github.cwlappender.core.internal.EngineHandOver;
import java.time.Duration;
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
 * needs it, the reconfiguring thread waits {@link EngineHandOver#WAIT_MILLIS} at most and the engine finishes its
 * delivery alone, within its own {@code shutdownTimeoutMillis}, its losses counted and reported as at any stop.
 */
final class CloudWatchLogsManager extends AbstractManager
{
    // Engines handed over by reconfigurations of any context: managers are shared across contexts' configurations.
    private static final EngineHandOver HAND_OVER = new EngineHandOver();

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
     * {@code handOver}, waiting {@link EngineHandOver#WAIT_MILLIS} at most while the engine finishes alone. Returns
     * false if events were lost, or, handed over, if the engine had not finished yet.
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
        return HAND_OVER.stop(engine, limitMillis);
    }

    /**
     * Waits for the engines that reconfigurations left finishing, each until its own deadline, so that stopping the
     * logging context (at exit, say) still delivers what they held.
     */
    static void awaitHandedOver()
    {
        HAND_OVER.awaitFinishing();
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
