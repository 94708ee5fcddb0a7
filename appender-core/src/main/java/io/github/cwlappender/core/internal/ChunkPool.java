package io.github.cwlappender.core.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Chunks of written request bodies ({@link LogEventsJson#CHUNK_BYTES} each) handed back by the senders once their
 * batch is settled, for the batcher to write the next batches into. A new chunk costs the batcher its zeroing and the
 * collector its copying: with a steady stream of full batches that was a fifth of the batcher's CPU. At most
 * {@code capacity} chunks wait here; beyond that, handed-back chunks are left to the garbage collector.
 */
final class ChunkPool
{
    private final ArrayBlockingQueue<byte[]> free;

    ChunkPool(int capacity)
    {
        this.free = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    /** A pool that keeps chunks for the batches sent by {@code maxInFlight} senders and the one being written. */
    static ChunkPool forSenders(int maxInFlight, int maxBatchBytes)
    {
        int chunksPerBatch = (maxBatchBytes + LogEventsJson.CHUNK_BYTES - 1) / LogEventsJson.CHUNK_BYTES;
        return new ChunkPool((maxInFlight + 1) * chunksPerBatch);
    }

    /** A free chunk of {@link LogEventsJson#CHUNK_BYTES}, or null when none is waiting. */
    byte[] poll()
    {
        return free.poll();
    }

    /** Hands back chunks nothing reads any more; only full-size ones are kept. */
    void giveBack(List<byte[]> chunks)
    {
        for (byte[] chunk : chunks)
        {
            if (chunk.length == LogEventsJson.CHUNK_BYTES && !free.offer(chunk))
            {
                return;
            }
        }
    }

    int available()
    {
        return free.size();
    }
}
