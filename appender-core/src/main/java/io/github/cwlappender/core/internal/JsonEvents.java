package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.internal.naming.LogDestination;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * Events already written as the JSON of a PutLogEvents body ({@link LogEventsJson}), with the chunk, start and end of
 * each, so that a batch can be split without writing it again. Sent through the {@link PutLogEventsBody.Interceptor}
 * of the clients the engine builds.
 */
final class JsonEvents implements BatchEvents
{
    private final List<byte[]> chunks;
    private final int[] chunkOf;
    private final int[] starts;
    private final int[] ends;
    private final int from;
    private final int to;

    private JsonEvents(List<byte[]> chunks, int[] chunkOf, int[] starts, int[] ends, int from, int to)
    {
        this.chunks = chunks;
        this.chunkOf = chunkOf;
        this.starts = starts;
        this.ends = ends;
        this.from = from;
        this.to = to;
    }

    @Override
    public int size()
    {
        return to - from;
    }

    @Override
    public BatchEvents slice(int sliceFrom, int sliceTo)
    {
        if (sliceFrom < 0 || sliceTo > size() || sliceFrom > sliceTo)
        {
            throw new IndexOutOfBoundsException(sliceFrom + ".." + sliceTo + " of " + size());
        }
        return new JsonEvents(chunks, chunkOf, starts, ends, from + sliceFrom, from + sliceTo);
    }

    @Override
    public PutLogEventsResponse put(CloudWatchLogsClient client, LogDestination where)
    {
        PutLogEventsBody body = new PutLogEventsBody(where.logGroup(), where.logStream(), segments());
        return client.putLogEvents(b -> b.logGroupName(where.logGroup()).logStreamName(where.logStream())
                .overrideConfiguration(o -> o.putExecutionAttribute(PutLogEventsBody.ATTRIBUTE, body)));
    }

    /** The events as runs of bytes, one per chunk they span; within a run they are already comma-separated. */
    private List<PutLogEventsBody.Segment> segments()
    {
        List<PutLogEventsBody.Segment> segments = new ArrayList<>();
        int i = from;
        while (i < to)
        {
            int chunk = chunkOf[i];
            int last = i;
            while (last + 1 < to && chunkOf[last + 1] == chunk)
            {
                last++;
            }
            segments.add(new PutLogEventsBody.Segment(chunks.get(chunk), starts[i], ends[last] - starts[i]));
            i = last + 1;
        }
        return segments;
    }

    static final class Collector implements BatchEvents.Collector
    {
        private LogEventsJson json;
        private long[] timestamps;
        private int[] chunkOf;
        private int[] starts;
        private int[] ends;
        private int count;
        private boolean inOrder = true;

        Collector()
        {
            startOver(64);
        }

        @Override
        public int size()
        {
            return count;
        }

        @Override
        public void add(long timestamp, String message, int utf8Length)
        {
            if (count == starts.length)
            {
                grow();
            }
            if (count > 0 && timestamp < timestamps[count - 1])
            {
                inOrder = false;
            }
            json.write(timestamp, message, utf8Length);
            record(json, timestamp);
        }

        @Override
        public BatchEvents seal()
        {
            JsonEvents sealed = inOrder ? new JsonEvents(json.chunks(), chunkOf, starts, ends, 0, count) : sorted();
            // The next batch is likely much like this one: size its index for as many events.
            startOver(Math.max(64, count + count / 8));
            return sealed;
        }

        private void record(LogEventsJson writer, long timestamp)
        {
            chunkOf[count] = writer.lastChunk();
            starts[count] = writer.lastStart();
            ends[count] = writer.lastEnd();
            timestamps[count] = timestamp;
            count++;
        }

        /** The events rewritten in timestamp order; a stable sort, so equal timestamps keep their arrival order. */
        private JsonEvents sorted()
        {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++)
            {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> timestamps[i]));
            List<byte[]> written = json.chunks();
            int[] oldChunkOf = chunkOf;
            int[] oldStarts = starts;
            int[] oldEnds = ends;
            long[] oldTimestamps = timestamps;
            int n = count;
            startOver(n);
            for (int k = 0; k < n; k++)
            {
                int i = order[k];
                json.copyEvent(written.get(oldChunkOf[i]), oldStarts[i], oldEnds[i] - oldStarts[i]);
                record(json, oldTimestamps[i]);
            }
            return new JsonEvents(json.chunks(), chunkOf, starts, ends, 0, count);
        }

        private void grow()
        {
            int grown = count + Math.max(16, count / 2);
            timestamps = Arrays.copyOf(timestamps, grown);
            chunkOf = Arrays.copyOf(chunkOf, grown);
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
        }

        private void startOver(int events)
        {
            json = new LogEventsJson();
            timestamps = new long[events];
            chunkOf = new int[events];
            starts = new int[events];
            ends = new int[events];
            count = 0;
            inOrder = true;
        }
    }
}
