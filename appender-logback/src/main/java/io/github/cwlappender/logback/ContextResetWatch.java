package io.github.cwlappender.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.spi.LifeCycle;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.internal.EngineHandOver;

/**
 * Tells this library's appenders when their {@link LoggerContext} is being reset for a new configuration, and makes
 * the context's stop wait for the engines that such resets left to finish their delivery.
 *
 * <p>A reset for a new configuration ({@code scan}, {@code JoranConfigurator}, code) stops every appender on the
 * resetting thread. Waiting there for an unreachable endpoint would hold Logback's scan task, or the application
 * reconfiguring, for up to {@code shutdownTimeoutMillis}. So then an appender hands its engine to
 * {@link EngineHandOver}: it waits half a second at most, and the engine finishes on a stopper thread within its own
 * deadline, its losses counted and reported as at any stop. {@code LoggerContext.stop()} also starts with a reset,
 * but there the appenders stop as usual, waiting for their delivery; and {@link #onStop} then waits for the engines
 * earlier reconfigurations left finishing, so that stopping the context (as {@code <shutdownHook/>} does at exit)
 * still delivers their events.
 *
 * <p>One per context: a reset-resistant context listener, and a component registered with the context, whose
 * {@link #stop()} Logback calls at the very start of every reset, before any appender is stopped.
 */
final class ContextResetWatch implements LifeCycle, LoggerContextListener
{
    private final EngineHandOver handOver = new EngineHandOver();
    private volatile boolean registered;
    private volatile boolean resetting;
    private volatile boolean contextStopping;

    /** The context's watch, made and registered if needed; call from every appender's start. */
    static ContextResetWatch attach(LoggerContext context)
    {
        synchronized (ContextResetWatch.class)
        {
            ContextResetWatch watch = null;
            for (LoggerContextListener listener : context.getCopyOfListenerList())
            {
                if (listener instanceof ContextResetWatch)
                {
                    watch = (ContextResetWatch) listener;
                }
            }
            if (watch == null)
            {
                watch = new ContextResetWatch();
                context.addListener(watch);
            }
            if (!watch.registered)
            {
                // Every reset forgets registered components after stopping them: register again for the next one.
                watch.registered = true;
                watch.resetting = false;
                context.register(watch);
            }
            return watch;
        }
    }

    /**
     * True from the start of a reset for a new configuration until its end. False during the reset that starts
     * {@code LoggerContext.stop()}: stopping the context waits for the delivery, and the engine's last reports still
     * reach the status listeners that this reset removes at its end.
     */
    boolean isReconfiguring()
    {
        return resetting && !contextStopping;
    }

    /**
     * Stops {@code engine} on a stopper thread within its own {@code shutdownTimeoutMillis}; waits
     * {@link EngineHandOver#WAIT_MILLIS} at most, then lets it finish alone.
     */
    void stopInBackground(CloudWatchLogsEngine engine)
    {
        handOver.stop(engine, engine.config().shutdownTimeoutMillis());
    }

    // ---- LifeCycle: stopped by Logback at the start of every reset ---------------------------------------------

    @Override
    public void start()
    {
        // Registered already started; see attach.
    }

    @Override
    public void stop()
    {
        registered = false;
        // Logback has no other sign, before the appenders stop, that this reset is the start of a stop.
        contextStopping = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().equals(LoggerContext.class.getName()) && f.getMethodName().equals("stop")));
        resetting = true;
    }

    @Override
    public boolean isStarted()
    {
        return registered;
    }

    // ---- LoggerContextListener ---------------------------------------------------------------------------------

    @Override
    public boolean isResetResistant()
    {
        // Must outlive the reset that starts LoggerContext.stop(), to hear onStop.
        return true;
    }

    @Override
    public void onReset(LoggerContext context)
    {
        resetting = false;
    }

    @Override
    public void onStop(LoggerContext context)
    {
        resetting = false;
        handOver.awaitFinishing();
    }

    @Override
    public void onStart(LoggerContext context)
    {
    }

    @Override
    public void onLevelChange(Logger logger, Level level)
    {
    }
}
