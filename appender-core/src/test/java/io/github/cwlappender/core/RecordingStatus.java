package io.github.cwlappender.core;

import java.util.ArrayList;
import java.util.List;

/** Captures the engine's status messages, as a framework's status manager would. */
final class RecordingStatus implements StatusListener
{
    private final List<String> messages = new ArrayList<>();

    @Override
    public synchronized void info(String message)
    {
        messages.add("INFO " + message);
    }

    @Override
    public synchronized void warn(String message, Throwable cause)
    {
        messages.add("WARN " + message);
    }

    @Override
    public synchronized void error(String message, Throwable cause)
    {
        messages.add("ERROR " + message);
    }

    synchronized List<String> messages()
    {
        return new ArrayList<>(messages);
    }

    synchronized boolean any(String level, String fragment)
    {
        return messages.stream().anyMatch(m -> m.startsWith(level + " ") && m.contains(fragment));
    }
}
