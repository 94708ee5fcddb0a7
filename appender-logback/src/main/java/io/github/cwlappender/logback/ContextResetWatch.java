package io.github.cwlappender.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.spi.LifeCycle;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.internal.EngineThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tells this library's appenders when their {@link LoggerContext} is being reset for a new configuration, and makes
 * the context's stop wait for the engines that such resets left to finish their delivery.
 *
 * <p>A reset for a new configuration ({@code scan}, {@code JoranConfigurator}, code) stops every appender on the
 * resetting thread. Waiting there for an unreachable endpoint would hold Logback's scan task, or the application
 * reconfiguring, for up to {@code shutdownTimeoutMillis}. So then an appender waits {@link #HANDOVER_WAIT_MILLIS} at
 * most, and leaves its engine to finish on a stopper thread within its own deadline, its losses counted and reported
 * as at any stop. {@code LoggerContext.stop()} also starts with a reset, but there the appenders stop as usual,
 * waiting for their delivery; and {@link #onStop} then waits for the engines earlier reconfigurations left
 * finishing, so that stopping the context (as {@code <shutdownHook/>} does at exit) still delivers their events.
 *
 * <p>One per context: a reset-resistant context listener, and a component registered with the context, whose
 * {@link #stop()} Logback calls at the very start of every reset, before any appender is stopped.
 */
final class ContextResetWatch implements LifeCycle, LoggerContextListener
{
    /** The longest a reset waits for one engine to deliver what it holds before the engine goes on alone. */
    static final long HANDOVER_WAIT_MILLIS = 500;
    // On top of an engine's own deadline, for the stopper thread to end after it.
    private static final long STOPPER_END_MARGIN_MILLIS = 1000;

    private final List<Finishing> finishing = new ArrayList<>();
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
     * Stops {@code engine} on a stopper thread within the engine's own {@code shutdownTimeoutMillis}; waits
     * {@link #HANDOVER_WAIT_MILLIS} at most, then lets it finish alone. Returns true if it had finished by then.
     */
    boolean stopInBackground(CloudWatchLogsEngine engine, String appenderName)
    {
        long shutdownMillis = engine.config().shutdownTimeoutMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(shutdownMillis + STOPPER_END_MARGIN_MILLIS);
        Thread stopper = EngineThread.factory(appenderName, "stopper").newThread(engine::stop);
        stopper.start();
        if (join(stopper, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(HANDOVER_WAIT_MILLIS,
                shutdownMillis))))
        {
            return true;
        }
        synchronized (finishing)
        {
            finishing.add(new Finishing(stopper, deadline));
        }
        return false;
    }

    /** Waits for the engines that earlier resets left finishing, each until its own deadline. */
    void awaitFinishing()
    {
        List<Finishing> waiting;
        synchronized (finishing)
        {
            waiting = new ArrayList<>(finishing);
            finishing.clear();
        }
        for (Finishing f : waiting)
        {
            join(f.stopper, f.deadlineNanos);
        }
    }

    private static boolean join(Thread thread, long deadlineNanos)
    {
        boolean interrupted = false;
        try
        {
            while (thread.isAlive())
            {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0)
                {
                    return false;
                }
                try
                {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
                catch (InterruptedException e)
                {
                    // Stopping goes on: the wait is bounded, and the interrupt is handed back to the caller below.
                    interrupted = true;
                }
            }
            return true;
        }
        finally
        {
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
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
        awaitFinishing();
    }

    @Override
    public void onStart(LoggerContext context)
    {
    }

    @Override
    public void onLevelChange(Logger logger, Level level)
    {
    }

    private static final class Finishing
    {
        final Thread stopper;
        final long deadlineNanos;

        Finishing(Thread stopper, long deadlineNanos)
        {
            this.stopper = stopper;
            this.deadlineNanos = deadlineNanos;
        }
    }
}
