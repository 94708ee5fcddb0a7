package io.github.cwlappender.logback;

import ch.qos.logback.core.spi.ContextAware;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusManager;
import ch.qos.logback.core.status.WarnStatus;
import ch.qos.logback.core.util.StatusPrinter;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.StatusListener;

/**
 * Engine reports go to Logback's status manager, with the appender as their origin; the engine has already prefixed
 * the appender name. Lost events are warnings, and so are problems met while delivering (see {@link #error}).
 *
 * <p>Logback keeps statuses in its status manager and shows none of them at run time unless a status listener is
 * configured, so without one a drop episode would go unseen. Therefore, while the context has no status listener at
 * all, warnings and errors from the engine are also printed to {@code System.err}, formatted as Logback's own status
 * lines. Configuring any status listener takes that over: {@code OnConsoleStatusListener} to see everything,
 * {@code NopStatusListener} to silence it all. (We print instead of adding a listener of our own because Logback
 * prints configuration errors at start-up only when a context has no listener.)
 */
final class StatusBridge implements StatusListener
{
    private final ContextAware origin;

    StatusBridge(ContextAware origin)
    {
        this.origin = origin;
    }

    @Override
    public void info(String message)
    {
        origin.addStatus(new InfoStatus(message, origin));
    }

    @Override
    public void warn(String message, Throwable cause)
    {
        report(new WarnStatus(message, origin, cause));
    }

    /**
     * Problems found while the appender starts are errors. Problems met while delivering (refused credentials, a
     * client that cannot be built, a missing destination) are reported from the engine's own threads and become
     * warnings: Logback's tools read error statuses as configuration errors, and Spring Boot fails start-up on any it
     * finds once it has configured Logback, including those an appender being replaced reports at that moment. A
     * network or credential problem must never stop an application from starting; the report is printed all the
     * same.
     */
    @Override
    public void error(String message, Throwable cause)
    {
        report(CloudWatchLogsEngine.isEngineThread() ? new WarnStatus(message, origin, cause)
                : new ErrorStatus(message, origin, cause));
    }

    @Override
    public void dataLoss(String message)
    {
        warn(message, null);
    }

    private void report(Status status)
    {
        origin.addStatus(status);
        if (nobodyListens())
        {
            StringBuilder line = new StringBuilder();
            StatusPrinter.buildStr(line, "", status);
            System.err.print(line);
        }
    }

    private boolean nobodyListens()
    {
        StatusManager manager = origin.getContext() == null ? null : origin.getContext().getStatusManager();
        return manager != null && manager.getCopyOfStatusListenerList().isEmpty();
    }
}
