package io.github.cwlappender.core.internal;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one consumer of the ring buffer. It copies each event out of its slot (freeing the slot at once), applies the
 * event rules, and seals a batch when the next event would break a limit, when the batch has lingered long enough,
 * or when a flush asks for it. Sealed batches go to the {@link BatchSender}.
 */
final class BatchAssembler implements EventHandler<RingSlot>, EventRules.Sink
{
    private final EventRules rules;
    private final BatchBuilder batch;
    private final BatchSender sender;
    private final Counters counters;
    private final StatusReporter status;
    private final long lingerNanos;
    private final Queue<FlushRequest> flushRequests = new ConcurrentLinkedQueue<>();
    private Sequence sequenceCallback;
    private volatile long processedSequence = -1;
    private long nowNanos;

    BatchAssembler(EngineConfig config, BatchSender sender, Counters counters, StatusReporter status)
    {
        this.rules = new EventRules(config, counters);
        this.batch = new BatchBuilder(config.maxBatchEvents(), config.maxBatchBytes());
        this.sender = sender;
        this.counters = counters;
        this.status = status;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(config.lingerMillis());
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback)
    {
        this.sequenceCallback = sequenceCallback;
    }

    @Override
    public void onEvent(RingSlot slot, long sequence, boolean endOfBatch)
    {
        long timestamp = slot.timestamp;
        String message = slot.message;
        slot.clear();
        // Free the slot before any network wait: the ring's capacity is the application's headroom.
        sequenceCallback.set(sequence);
        nowNanos = System.nanoTime();
        try
        {
            rules.admit(timestamp, message, System.currentTimeMillis(), this);
        }
        catch (RuntimeException e)
        {
            counters.dropped(DropReason.PERMANENT_ERROR);
            status.errorLimited("internal", "internal error while batching an event, dropped it: " + e);
        }
        processedSequence = sequence;
        if (endOfBatch || lingerExpired())
        {
            afterEvents(sequence, endOfBatch && lingerNanos == 0);
        }
    }

    @Override
    public void onTimeout(long sequence)
    {
        nowNanos = System.nanoTime();
        afterEvents(sequence, false);
    }

    @Override
    public void onShutdown()
    {
        // Whatever is still in the open batch is accounted as dropped at shutdown by the engine.
    }

    @Override
    public void add(long timestamp, String message, int messageBytes)
    {
        if (!batch.fits(timestamp, messageBytes))
        {
            sealAndSend();
        }
        batch.add(timestamp, message, messageBytes, nowNanos);
    }

    @Override
    public void addContinuation(long timestamp, String message, int messageBytes)
    {
        if (!batch.fits(timestamp, messageBytes))
        {
            sealAndSend();
            // Parallel senders could store this batch first; the pieces of one event must stay in order.
            batch.markFollowsPrevious();
        }
        batch.add(timestamp, message, messageBytes, nowNanos);
    }

    /** Asks the batcher to seal everything published up to {@code targetSequence}; the future completes once sent. */
    void requestFlush(long targetSequence, CompletableFuture<Void> done)
    {
        flushRequests.add(new FlushRequest(targetSequence, done));
    }

    long processedSequence()
    {
        return processedSequence;
    }

    private void afterEvents(long processed, boolean sealNow)
    {
        if (sealNow || lingerExpired())
        {
            sealAndSend();
        }
        FlushRequest request;
        while ((request = flushRequests.peek()) != null && request.targetSequence <= processed)
        {
            flushRequests.poll();
            sealAndSend();
            sender.whenSentUpToNow(request.done);
        }
        status.reportNewDrops(counters);
    }

    private boolean lingerExpired()
    {
        return !batch.isEmpty() && nowNanos - batch.firstEventNanos() >= lingerNanos;
    }

    private void sealAndSend()
    {
        if (!batch.isEmpty())
        {
            sender.send(batch.seal());
        }
    }

    private static final class FlushRequest
    {
        final long targetSequence;
        final CompletableFuture<Void> done;

        FlushRequest(long targetSequence, CompletableFuture<Void> done)
        {
            this.targetSequence = targetSequence;
            this.done = done;
        }
    }
}
