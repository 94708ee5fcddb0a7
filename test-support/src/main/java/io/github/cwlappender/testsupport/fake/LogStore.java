package io.github.cwlappender.testsupport.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fake's log groups, log streams and events, plus the record of every event ever stored (a deleted stream's
 * events stay in the record). One lock guards it all, so a put is atomic with respect to a concurrent delete. A store
 * that does not keep events checks and counts them the same way and forgets their messages: see
 * {@link StrictCloudWatchLogsServer#startCounting()}.
 */
final class LogStore
{
    private static final Comparator<StoredEvent> BY_TIMESTAMP = Comparator.comparingLong(StoredEvent::timestamp)
            .thenComparingLong(StoredEvent::arrival);

    private final Map<String, Group> groups = new TreeMap<>();
    private final List<StoredEvent> record = new ArrayList<>();
    private final Map<EventRejection, Long> rejected = new EnumMap<>(EventRejection.class);
    private final boolean keepEvents;
    private long storedCount;
    private long storedMessageBytes;

    LogStore(boolean keepEvents)
    {
        this.keepEvents = keepEvents;
    }

    synchronized void createGroup(String name, long nowMillis)
    {
        createGroup(name, nowMillis, LogGroupSettings.NONE);
    }

    synchronized void createGroup(String name, long nowMillis, LogGroupSettings settings)
    {
        if (groups.containsKey(name))
        {
            throw ServiceError.alreadyExists("The specified log group already exists");
        }
        groups.put(name, new Group(nowMillis, settings));
    }

    synchronized LogGroupSettings settings(String group)
    {
        return group(group).settings;
    }

    synchronized void deleteGroup(String name)
    {
        if (groups.remove(name) == null)
        {
            throw groupMissing();
        }
    }

    synchronized void createStream(String group, String stream, long nowMillis)
    {
        Group g = group(group);
        if (g.streams.containsKey(stream))
        {
            throw ServiceError.alreadyExists("The specified log stream already exists");
        }
        g.streams.put(stream, new Stream(stream, nowMillis));
    }

    synchronized void deleteStream(String group, String stream)
    {
        if (group(group).streams.remove(stream) == null)
        {
            throw streamMissing();
        }
    }

    synchronized void putRetention(String group, int days)
    {
        group(group).retentionDays = days;
    }

    /** Checks the request against every rule and stores what the service would store. */
    synchronized PutLogEventsRules.Verdict put(String group, String stream, List<IncomingEvent> events,
            long nowMillis, boolean responseLost)
    {
        Group g = group(group);
        Stream s = g.streams.get(stream);
        if (s == null)
        {
            throw streamMissing();
        }
        PutLogEventsRules.Verdict verdict = PutLogEventsRules.check(events, nowMillis, g.retentionDays);
        for (int i = verdict.storedFrom(); i < verdict.storedTo(); i++)
        {
            IncomingEvent e = events.get(i);
            long bytes = e.messageBytes;
            storedCount++;
            storedMessageBytes += bytes;
            s.count(e.timestamp, bytes, nowMillis);
            if (keepEvents)
            {
                StoredEvent stored = new StoredEvent(storedCount, group, stream, e.timestamp, e.message, nowMillis,
                        responseLost);
                record.add(stored);
                s.events.add(stored);
            }
        }
        for (EventRejection reason : EventRejection.values())
        {
            rejected.merge(reason, (long) verdict.count(reason), Long::sum);
        }
        return verdict;
    }

    /** The stream's events in the order GetLogEvents returns them: by timestamp, then by arrival. */
    synchronized List<StoredEvent> streamEvents(String group, String stream)
    {
        requireKeptEvents();
        Stream s = group(group).streams.get(stream);
        if (s == null)
        {
            throw streamMissing();
        }
        List<StoredEvent> copy = new ArrayList<>(s.events);
        copy.sort(BY_TIMESTAMP);
        return copy;
    }

    /** Snapshots of the group's streams, by name. */
    synchronized List<StreamInfo> streams(String group)
    {
        List<StreamInfo> infos = new ArrayList<>();
        for (Stream s : group(group).streams.values())
        {
            infos.add(new StreamInfo(s));
        }
        return infos;
    }

    synchronized boolean groupExists(String group)
    {
        return groups.containsKey(group);
    }

    synchronized boolean streamExists(String group, String stream)
    {
        Group g = groups.get(group);
        return g != null && g.streams.containsKey(stream);
    }

    synchronized Integer retentionDays(String group)
    {
        return group(group).retentionDays;
    }

    synchronized long storedCount()
    {
        return storedCount;
    }

    synchronized long storedMessageBytes()
    {
        return storedMessageBytes;
    }

    synchronized List<StoredEvent> record()
    {
        requireKeptEvents();
        return Collections.unmodifiableList(new ArrayList<>(record));
    }

    synchronized List<StoredEvent> record(String group, String stream)
    {
        requireKeptEvents();
        List<StoredEvent> matching = new ArrayList<>();
        for (StoredEvent e : record)
        {
            if (e.logGroup().equals(group) && e.logStream().equals(stream))
            {
                matching.add(e);
            }
        }
        return Collections.unmodifiableList(matching);
    }

    synchronized long rejected(EventRejection reason)
    {
        return rejected.getOrDefault(reason, 0L);
    }

    private void requireKeptEvents()
    {
        if (!keepEvents)
        {
            throw new IllegalStateException("this store counts the events it stores without keeping them");
        }
    }

    private Group group(String name)
    {
        Group g = groups.get(name);
        if (g == null)
        {
            throw groupMissing();
        }
        return g;
    }

    private static ServiceError groupMissing()
    {
        return ServiceError.notFound("The specified log group does not exist.");
    }

    private static ServiceError streamMissing()
    {
        return ServiceError.notFound("The specified log stream does not exist.");
    }

    private static final class Group
    {
        final long creationTime;
        final Map<String, Stream> streams = new TreeMap<>();
        final LogGroupSettings settings;
        Integer retentionDays;

        Group(long creationTime, LogGroupSettings settings)
        {
            this.creationTime = creationTime;
            this.settings = settings;
        }
    }

    private static final class Stream
    {
        final String name;
        final long creationTime;
        final List<StoredEvent> events = new ArrayList<>();
        long storedBytes;
        Long firstEventTimestamp;
        Long lastEventTimestamp;
        Long lastIngestionTime;

        Stream(String name, long creationTime)
        {
            this.name = name;
            this.creationTime = creationTime;
        }

        void count(long timestamp, long messageBytes, long ingestionTime)
        {
            storedBytes += messageBytes;
            firstEventTimestamp = firstEventTimestamp == null ? timestamp : Math.min(firstEventTimestamp, timestamp);
            lastEventTimestamp = lastEventTimestamp == null ? timestamp : Math.max(lastEventTimestamp, timestamp);
            lastIngestionTime = ingestionTime;
        }
    }

    /** What DescribeLogStreams reports about one stream. */
    static final class StreamInfo
    {
        final String name;
        final long creationTime;
        final long storedBytes;
        final Long firstEventTimestamp;
        final Long lastEventTimestamp;
        final Long lastIngestionTime;

        private StreamInfo(Stream s)
        {
            this.name = s.name;
            this.creationTime = s.creationTime;
            this.storedBytes = s.storedBytes;
            this.firstEventTimestamp = s.firstEventTimestamp;
            this.lastEventTimestamp = s.lastEventTimestamp;
            this.lastIngestionTime = s.lastIngestionTime;
        }
    }
}
