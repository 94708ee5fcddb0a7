package io.github.cwlappender.testsupport.fake;

import java.util.Objects;

/**
 * One event the fake stored, as it was decoded from the request. The record outlives a deleted stream, so that
 * tests can count deliveries exactly.
 */
public final class StoredEvent
{
    private final long arrival;
    private final String logGroup;
    private final String logStream;
    private final long timestamp;
    private final String message;
    private final long ingestionTime;
    private final boolean responseLost;

    StoredEvent(long arrival, String logGroup, String logStream, long timestamp, String message, long ingestionTime,
            boolean responseLost)
    {
        this.arrival = arrival;
        this.logGroup = logGroup;
        this.logStream = logStream;
        this.timestamp = timestamp;
        this.message = message;
        this.ingestionTime = ingestionTime;
        this.responseLost = responseLost;
    }

    /** 1 for the first event the server stored, then 2, 3, ... across all groups and streams. */
    public long arrival()
    {
        return arrival;
    }

    public String logGroup()
    {
        return logGroup;
    }

    public String logStream()
    {
        return logStream;
    }

    public long timestamp()
    {
        return timestamp;
    }

    public String message()
    {
        return message;
    }

    /** The server clock when the event was stored. */
    public long ingestionTime()
    {
        return ingestionTime;
    }

    /** True when the request that stored this event had its response dropped (fault injection). */
    public boolean responseLost()
    {
        return responseLost;
    }

    @Override
    public boolean equals(Object o)
    {
        if (!(o instanceof StoredEvent))
        {
            return false;
        }
        StoredEvent other = (StoredEvent) o;
        return arrival == other.arrival && timestamp == other.timestamp && ingestionTime == other.ingestionTime
                && responseLost == other.responseLost && logGroup.equals(other.logGroup)
                && logStream.equals(other.logStream) && message.equals(other.message);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(arrival, logGroup, logStream, timestamp);
    }

    @Override
    public String toString()
    {
        String shown = message.length() > 80 ? message.substring(0, 80) + "...(" + message.length() + " chars)"
                : message;
        return "StoredEvent{#" + arrival + " " + logGroup + "/" + logStream + " @" + timestamp + " '" + shown + "'"
                + (responseLost ? " responseLost" : "") + "}";
    }
}
