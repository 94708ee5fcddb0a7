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
 * event rules, and seals a batch when the next event would break a limit, when the batch has lingered long enough
 * (with {@code lingerMillis=0}: as soon as a sender is free), when a burst has ended (see {@link #burstEnded()}), or
 * when a flush asks for it. Sealed batches go to the {@link BatchSender}, which never makes this thread wait: the
 * ring keeps draining while every sender is busy, so a slow endpoint fills the byte budget, not the ring.
 */
final class BatchAssembler implements EventHandler<RingSlot>, EventRules.Sink
{
    // The clock, read at the start of each drained run of the ring and every CLOCK_EVENTS events within one: two
    // clock reads per event were a tenth of this thread's time, and the rules that use it (linger, the service's
    // limits on an event's age) work in seconds to days.
    private static final int CLOCK_EVENTS = 256;

    private final EventRules rules;
    private final MessageWarmer warmer = new MessageWarmer();
    private final BatchBuilder batch;
    private final BatchSender sender;
    private final Counters counters;
    private final StatusReporter status;
    private final BufferBudget budget;
    private final DropReporter drops;
    private final long lingerNanos;
    private final Queue<FlushRequest> flushRequests = new ConcurrentLinkedQueue<>();
    private Sequence sequenceCallback;
    private long nowNanos;
    private long nowMillis;
    private int eventsSinceClock;
    // Whether the last batch sealed was full: the open batch is then the tail of a burst, not a trickle to gather.
    private boolean afterFullBatch;
    // Budget taken for events on the logging threads, less what their pieces in batches now count; settled with
    // the budget once per drained run of the ring instead of once per event.
    private long unsettledCharge;

    BatchAssembler(EngineConfig config, BatchSender sender, Counters counters, StatusReporter status,
            BufferBudget budget, DropReporter drops, BatchEvents.Collector events)
    {
        this.rules = new EventRules(config, counters);
        this.batch = new BatchBuilder(config.maxBatchEvents(), config.maxBatchBytes(), events);
        this.sender = sender;
        this.counters = counters;
        this.status = status;
        this.budget = budget;
        this.drops = drops;
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
        byte[] utf8 = slot.utf8;
        String message = utf8 == null ? slot.text() : null;
        int length = slot.length;
        boolean cut = slot.cut;
        unsettledCharge += slot.charge;
        slot.clear();
        // Free the slot at once: the ring's capacity is the logging threads' headroom.
        sequenceCallback.set(sequence);
        if (eventsSinceClock == 0)
        {
            readClock();
        }
        eventsSinceClock = (eventsSinceClock + 1) % CLOCK_EVENTS;
        try
        {
            if (utf8 != null)
            {
                rules.admitUtf8(timestamp, utf8, length, cut, nowMillis, this);
            }
            else
            {
                warmer.warm(message);
                rules.admit(timestamp, message, cut, nowMillis, this);
            }
        }
        catch (RuntimeException e)
        {
            counters.dropped(DropReason.PERMANENT_ERROR);
            status.errorLimited("internal", "internal error while batching an event, dropped it: " + e);
        }
        if (endOfBatch)
        {
            eventsSinceClock = 0;
            settleCharges();
            // Threads waiting for a free slot can try again.
            budget.wakeWaiters();
        }
        if (endOfBatch || lingerExpired())
        {
            afterEvents(sequence, false);
        }
    }

    @Override
    public void onTimeout(long sequence)
    {
        readClock();
        afterEvents(sequence, true);
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
            sealFull();
        }
        addToBatch(timestamp, message, messageBytes);
    }

    @Override
    public void addUtf8(long timestamp, byte[] utf8, int length)
    {
        if (!batch.fits(timestamp, length))
        {
            sealFull();
        }
        batch.addUtf8(timestamp, utf8, length, nowNanos);
        unsettledCharge -= BatchBuilder.chargeOfUtf8(length);
    }

    @Override
    public void addContinuation(long timestamp, String message, int messageBytes)
    {
        if (!batch.fits(timestamp, messageBytes))
        {
            sealFull();
            // Parallel senders could store this batch first; the pieces of one event must stay in order.
            batch.markFollowsPrevious();
        }
        addToBatch(timestamp, message, messageBytes);
    }

    private void addToBatch(long timestamp, String message, int messageBytes)
    {
        batch.add(timestamp, message, messageBytes, nowNanos);
        // From here the batch holds this piece's share of the budget.
        unsettledCharge -= BatchBuilder.chargeOf(message, messageBytes);
    }

    /** Gives back what events dropped by the rules took, and takes what split pieces add. */
    private void settleCharges()
    {
        long settle = unsettledCharge;
        unsettledCharge = 0;
        budget.giveBack(settle);
    }

    /** Asks the batcher to seal everything published up to {@code targetSequence}; the future completes once sent. */
    void requestFlush(long targetSequence, CompletableFuture<Void> done)
    {
        flushRequests.add(new FlushRequest(targetSequence, done));
    }

    /** {@code ringIdle}: called from the idle wake-up, the ring having been quiet since the last event. */
    private void afterEvents(long processed, boolean ringIdle)
    {
        if (lingerExpired() || (lingerNanos == 0 && sender.hasIdleSender()) || (ringIdle && burstEnded()))
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
        drops.check();
    }

    private void readClock()
    {
        nowNanos = System.nanoTime();
        nowMillis = System.currentTimeMillis();
    }

    /** With {@code lingerMillis=0} a batch never lingers on a timer: it goes as soon as a sender is free. */
    private boolean lingerExpired()
    {
        return lingerNanos > 0 && !batch.isEmpty() && nowNanos - batch.firstEventNanos() >= lingerNanos;
    }

    /**
     * Asked when the ring has just been quiet for the batcher's idle wake-up (10 ms): true when no logging thread
     * waits for room and the batch before the open one was sealed full. The open batch is then the end of a burst:
     * lingering would only hold its events back, and sending it costs at most one request more per full batch, since
     * only a full batch re-arms this. A trickle of events never fills a batch, so it still lingers and goes in few
     * requests.
     */
    private boolean burstEnded()
    {
        return afterFullBatch && lingerNanos > 0 && !batch.isEmpty() && !budget.hasWaiters();
    }

    private void sealFull()
    {
        sealAndSend();
        afterFullBatch = true;
    }

    private void sealAndSend()
    {
        afterFullBatch = false;
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
