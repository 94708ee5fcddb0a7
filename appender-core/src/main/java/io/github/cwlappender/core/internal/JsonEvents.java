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
 * each in timestamp order, so that a batch can be sorted and split without writing it again: the body is sent as the
 * runs of events that lie next to each other in the chunks. Sent through the {@link PutLogEventsBody.Interceptor} of
 * the clients the engine builds.
 */
final class JsonEvents implements BatchEvents
{
    private final List<byte[]> chunks;
    private final int[] chunkOf;
    private final int[] starts;
    private final int[] ends;
    private final int from;
    private final int to;
    // Only the sealed batch gives its chunks back, never a slice of it.
    private final ChunkPool owner;

    private JsonEvents(List<byte[]> chunks, int[] chunkOf, int[] starts, int[] ends, int from, int to,
            ChunkPool owner)
    {
        this.chunks = chunks;
        this.chunkOf = chunkOf;
        this.starts = starts;
        this.ends = ends;
        this.from = from;
        this.to = to;
        this.owner = owner;
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
        return new JsonEvents(chunks, chunkOf, starts, ends, from + sliceFrom, from + sliceTo, null);
    }

    @Override
    public PutLogEventsResponse put(CloudWatchLogsClient client, LogDestination where)
    {
        PutLogEventsBody body = new PutLogEventsBody(where.logGroup(), where.logStream(), segments());
        return client.putLogEvents(b -> b.logGroupName(where.logGroup()).logStreamName(where.logStream())
                .overrideConfiguration(o -> o.putExecutionAttribute(PutLogEventsBody.ATTRIBUTE, body)));
    }

    @Override
    public void release()
    {
        if (owner != null)
        {
            owner.giveBack(chunks);
        }
    }

    /**
     * The events as runs of bytes: events that follow each other in a chunk, a comma apart, make one run. In arrival
     * order that is one run per chunk; a sorted batch has a few more, where events came out of order.
     */
    private List<PutLogEventsBody.Segment> segments()
    {
        List<PutLogEventsBody.Segment> segments = new ArrayList<>();
        int i = from;
        while (i < to)
        {
            int last = i;
            while (last + 1 < to && chunkOf[last + 1] == chunkOf[last] && starts[last + 1] == ends[last] + 1)
            {
                last++;
            }
            segments.add(new PutLogEventsBody.Segment(chunks.get(chunkOf[i]), starts[i], ends[last] - starts[i]));
            i = last + 1;
        }
        return segments;
    }

    static final class Collector implements BatchEvents.Collector
    {
        // How far, on average, events may be from their place before a batch is sorted the general way instead.
        private static final int MOVES_PER_EVENT = 8;

        private final ChunkPool pool;
        private final LogEventsJson json;
        private long[] timestamps;
        private int[] chunkOf;
        private int[] starts;
        private int[] ends;
        private int count;
        private boolean inOrder = true;

        /** @param pool where chunks come from when free, and where a sealed batch gives them back when settled */
        Collector(ChunkPool pool)
        {
            this.pool = pool;
            this.json = new LogEventsJson(pool);
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
            json.write(timestamp, message, utf8Length);
            indexLastWritten(timestamp);
        }

        @Override
        public void addUtf8(long timestamp, byte[] utf8, int length)
        {
            json.writeUtf8(timestamp, utf8, length);
            indexLastWritten(timestamp);
        }

        /** Notes where the event just written lies, and whether it came out of timestamp order. */
        private void indexLastWritten(long timestamp)
        {
            if (count == starts.length)
            {
                grow();
            }
            if (count > 0 && timestamp < timestamps[count - 1])
            {
                inOrder = false;
            }
            chunkOf[count] = json.lastChunk();
            starts[count] = json.lastStart();
            ends[count] = json.lastEnd();
            timestamps[count] = timestamp;
            count++;
        }

        @Override
        public BatchEvents seal()
        {
            List<byte[]> written = json.takeChunks();
            JsonEvents sealed;
            if (inOrder)
            {
                sealed = new JsonEvents(written, chunkOf, starts, ends, 0, count, pool);
            }
            else
            {
                int[] order = timestampOrder();
                sealed = new JsonEvents(written, permuted(chunkOf, order), permuted(starts, order),
                        permuted(ends, order), 0, count, pool);
            }
            // The next batch is likely much like this one: size its index for as many events.
            startOver(Math.max(64, count + count / 8));
            return sealed;
        }

        /** Event indexes in timestamp order; a stable sort, so equal timestamps keep their arrival order. */
        private int[] timestampOrder()
        {
            int[] order = new int[count];
            if (insertionOrder(order))
            {
                return order;
            }
            return sortedOrder(order);
        }

        /**
         * The usual case: events from several threads cross only around the turn of a millisecond, each a few places
         * from where it belongs, so moving each back into place takes one pass. Gives up (false) past a few moves
         * per event, for a batch far from order, which {@link #sortedOrder} then sorts. It also spares the batcher's
         * JVM from compiling the JDK's general sort, a large method, for this alone.
         */
        private boolean insertionOrder(int[] order)
        {
            long movesLeft = (long) MOVES_PER_EVENT * count;
            for (int i = 0; i < count; i++)
            {
                long timestamp = timestamps[i];
                int j = i;
                // Strictly later only, so that equal timestamps keep their arrival order.
                while (j > 0 && timestamps[order[j - 1]] > timestamp)
                {
                    if (--movesLeft < 0)
                    {
                        return false;
                    }
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            }
            return true;
        }

        private int[] sortedOrder(int[] order)
        {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < count; i++)
            {
                min = Math.min(min, timestamps[i]);
                max = Math.max(max, timestamps[i]);
            }
            int indexBits = 32 - Integer.numberOfLeadingZeros(count);
            long span = max - min;
            if (span >= 0 && span < 1L << (62 - indexBits))
            {
                // Time since the earliest, then the index, in one long: a plain sort of those is a stable one.
                long[] keys = new long[count];
                for (int i = 0; i < count; i++)
                {
                    keys[i] = (timestamps[i] - min) << indexBits | i;
                }
                Arrays.sort(keys);
                long indexMask = (1L << indexBits) - 1;
                for (int k = 0; k < count; k++)
                {
                    order[k] = (int) (keys[k] & indexMask);
                }
                return order;
            }
            // Timestamps too far apart to share a long with the index (no batch of one day's span gets here).
            Integer[] boxed = new Integer[count];
            for (int i = 0; i < count; i++)
            {
                boxed[i] = i;
            }
            Arrays.sort(boxed, Comparator.comparingLong(i -> timestamps[i]));
            for (int k = 0; k < count; k++)
            {
                order[k] = boxed[k];
            }
            return order;
        }

        private static int[] permuted(int[] values, int[] order)
        {
            int[] result = new int[order.length];
            for (int k = 0; k < order.length; k++)
            {
                result[k] = values[order[k]];
            }
            return result;
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
            timestamps = new long[events];
            chunkOf = new int[events];
            starts = new int[events];
            ends = new int[events];
            count = 0;
            inOrder = true;
        }
    }
}
