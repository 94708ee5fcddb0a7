package io.github.cwlappender.core.internal.naming;

import java.util.Objects;

/** A log group and a log stream in it, both final names the service accepts. */
public final class LogDestination
{
    private final String logGroup;
    private final String logStream;

    public LogDestination(String logGroup, String logStream)
    {
        this.logGroup = Objects.requireNonNull(logGroup, "logGroup");
        this.logStream = Objects.requireNonNull(logStream, "logStream");
    }

    public String logGroup()
    {
        return logGroup;
    }

    public String logStream()
    {
        return logStream;
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof LogDestination && ((LogDestination) o).logGroup.equals(logGroup)
                && ((LogDestination) o).logStream.equals(logStream);
    }

    @Override
    public int hashCode()
    {
        return logGroup.hashCode() * 31 + logStream.hashCode();
    }

    @Override
    public String toString()
    {
        return "log stream '" + logStream + "' in log group '" + logGroup + "'";
    }
}
