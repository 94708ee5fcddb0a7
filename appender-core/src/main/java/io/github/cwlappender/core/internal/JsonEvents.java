package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.internal.naming.LogDestination;
import java.util.Arrays;
import java.util.Comparator;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * Events already written as the JSON of a PutLogEvents body ({@link LogEventsJson}), one after another in one byte
 * array, with where each starts and ends so that a batch can be split without writing it again. Sent through the
 * {@link PutLogEventsBody.Interceptor} of the clients the engine builds.
 */
final class JsonEvents implements BatchEvents
{
    private final byte[] json;
    private final int[] starts;
    private final int[] ends;
    private final int from;
    private final int to;

    private JsonEvents(byte[] json, int[] starts, int[] ends, int from, int to)
    {
        this.json = json;
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
        return new JsonEvents(json, starts, ends, from + sliceFrom, from + sliceTo);
    }

    @Override
    public PutLogEventsResponse put(CloudWatchLogsClient client, LogDestination where)
    {
        int offset = size() == 0 ? 0 : starts[from];
        int length = size() == 0 ? 0 : ends[to - 1] - offset;
        PutLogEventsBody body = new PutLogEventsBody(where.logGroup(), where.logStream(), json, offset, length);
        return client.putLogEvents(b -> b.logGroupName(where.logGroup()).logStreamName(where.logStream())
                .overrideConfiguration(o -> o.putExecutionAttribute(PutLogEventsBody.ATTRIBUTE, body)));
    }

    static final class Collector implements BatchEvents.Collector
    {
        private static final int MIN_CAPACITY = 4096;

        private final int maxCapacity;
        private LogEventsJson json;
        private long[] timestamps;
        private int[] starts;
        private int[] ends;
        private int count;
        private boolean inOrder = true;

        /** @param maxBatchBytes the batch limit; a body rarely needs more than that, and never starts bigger */
        Collector(int maxBatchBytes)
        {
            this.maxCapacity = maxBatchBytes + maxBatchBytes / 4;
            startOver(MIN_CAPACITY, 64);
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
                int grown = count + Math.max(16, count / 2);
                timestamps = Arrays.copyOf(timestamps, grown);
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
            }
            if (count > 0 && timestamp < timestamps[count - 1])
            {
                inOrder = false;
            }
            // The writer puts a comma before every event but the first.
            starts[count] = json.size() == 0 ? 0 : json.size() + 1;
            json.write(timestamp, message, utf8Length);
            ends[count] = json.size();
            timestamps[count] = timestamp;
            count++;
        }

        @Override
        public BatchEvents seal()
        {
            JsonEvents sealed = inOrder ? new JsonEvents(json.bytes(), starts, ends, 0, count) : sorted();
            int written = json.size();
            // The next batch is likely much like this one: start it at about this size to save regrowing.
            startOver((int) Math.min(maxCapacity, Math.max(MIN_CAPACITY, written + written / 8L)),
                    Math.max(64, count + count / 8));
            return sealed;
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
            LogEventsJson out = new LogEventsJson(json.size());
            int[] sortedStarts = new int[count];
            int[] sortedEnds = new int[count];
            for (int k = 0; k < count; k++)
            {
                int i = order[k];
                sortedStarts[k] = out.size() == 0 ? 0 : out.size() + 1;
                out.copyEvent(json.bytes(), starts[i], ends[i] - starts[i]);
                sortedEnds[k] = out.size();
            }
            return new JsonEvents(out.bytes(), sortedStarts, sortedEnds, 0, count);
        }

        private void startOver(int bytes, int events)
        {
            json = new LogEventsJson(bytes);
            timestamps = new long[events];
            starts = new int[events];
            ends = new int[events];
            count = 0;
            inOrder = true;
        }
    }
}
