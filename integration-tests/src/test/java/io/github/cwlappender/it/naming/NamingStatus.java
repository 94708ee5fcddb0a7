package io.github.cwlappender.it.naming;

import io.github.cwlappender.core.StatusListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every status report, for assertions and failure messages. */
final class NamingStatus implements StatusListener
{
    final List<String> reports = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message)
    {
        reports.add("INFO " + message);
    }

    @Override
    public void warn(String message, Throwable cause)
    {
        reports.add("WARN " + message + (cause == null ? "" : " (" + cause + ")"));
    }

    @Override
    public void error(String message, Throwable cause)
    {
        String line = "ERROR " + message + (cause == null ? "" : " (" + cause + ")");
        reports.add(line);
        errors.add(line);
    }
}
