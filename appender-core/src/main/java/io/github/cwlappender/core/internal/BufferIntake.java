package io.github.cwlappender.core.internal;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.core.OversizePolicy;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The application-thread side of the buffer: cuts an oversize message before it takes budget, takes its share of
 * the byte budget, claims a ring slot and publishes. When either is full it follows {@code onBufferFull}: drop,
 * wait, or (ADAPTIVE) wait only while delivery is healthy.
 */
final class BufferIntake
{
    private static final byte[] NO_BYTES = new byte[0];
    private final RingBuffer<RingSlot> ring;
    private final BufferBudget budget;
    private final DeliveryHealth health;
    private final Counters counters;
    private final BooleanSupplier running;
    private final OnBufferFull policy;
    private final OversizePolicy oversize;
    private final int maxEventBytes;
    private final long blockTimeoutNanos;

    BufferIntake(EngineConfig config, RingBuffer<RingSlot> ring, BufferBudget budget, DeliveryHealth health,
            Counters counters, BooleanSupplier running)
    {
        this.ring = ring;
        this.budget = budget;
        this.health = health;
        this.counters = counters;
        this.running = running;
        this.policy = config.onBufferFull();
        this.oversize = config.oversize();
        this.maxEventBytes = config.maxEventBytes();
        this.blockTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.blockTimeoutMillis());
    }

    /**
     * Queues the first {@code length} characters of the message as an event, or drops and counts it.
     * {@code important}: WARN and above, which may use the reserve. The text is not copied here: the slot keeps the
     * message and the length, and the batcher takes the part it needs.
     */
    boolean offer(long timestamp, String message, int length, boolean important)
    {
        if (message == null)
        {
            // Counted as EMPTY by the batcher's rules, like any empty message.
            message = "";
        }
        length = clamp(length, message.length());
        boolean cut = false;
        // More characters than maxEventBytes means more UTF-8 bytes too: the event is oversize for sure.
        if (length > maxEventBytes && oversize != OversizePolicy.SPLIT)
        {
            if (oversize == OversizePolicy.DROP)
            {
                counters.refused(DropReason.OVERSIZE);
                return false;
            }
            length = cutToChars(message, maxEventBytes);
            cut = true;
        }
        return queue(timestamp, message, null, length, cut, important);
    }

    /**
     * As {@link #offer(long, String, int, boolean)}, for text already encoded as UTF-8: the first {@code length}
     * bytes. An oversize message is cut (TRUNCATE) at the last whole character within {@code maxEventBytes}.
     */
    boolean offerUtf8(long timestamp, byte[] utf8, int length, boolean important)
    {
        if (utf8 == null)
        {
            utf8 = NO_BYTES;
        }
        length = clamp(length, utf8.length);
        boolean cut = false;
        if (length > maxEventBytes && oversize != OversizePolicy.SPLIT)
        {
            if (oversize == OversizePolicy.DROP)
            {
                counters.refused(DropReason.OVERSIZE);
                return false;
            }
            length = Utf8.cutPoint(utf8, length, maxEventBytes);
            cut = true;
        }
        return queue(timestamp, null, utf8, length, cut, important);
    }

    /** Takes budget and a slot for the event (a message or UTF-8 bytes), waiting as the policy allows. */
    private boolean queue(long timestamp, String message, byte[] utf8, int length, boolean cut, boolean important)
    {
        long charge = BatchBuilder.estimatedChargeOf(length);
        if (charge > budget.largestEvent(important))
        {
            // A split event larger than the whole buffer could never be held.
            counters.refused(DropReason.OVERSIZE);
            return false;
        }
        // Fast path: room in both the budget and the ring. It does not queue behind waiting threads: a batch given
        // back frees room for thousands of events, and taking it without the waiters' lock keeps a busy
        // application from handing a lock from thread to thread on every event.
        if (budget.tryTake(charge, important))
        {
            if (tryPublish(timestamp, message, utf8, length, charge, cut))
            {
                return true;
            }
            budget.giveBack(charge);
        }
        if (mayWait() && awaitRoom(timestamp, message, utf8, length, charge, cut, important))
        {
            return true;
        }
        counters.refused(DropReason.BUFFER_FULL);
        return false;
    }

    private boolean awaitRoom(long timestamp, String message, byte[] utf8, int length, long charge, boolean cut,
            boolean important)
    {
        boolean[] taken = {false};
        boolean published = budget.await(() -> {
            if (!taken[0])
            {
                taken[0] = budget.tryTake(charge, important);
            }
            return taken[0] && tryPublish(timestamp, message, utf8, length, charge, cut);
        }, System.nanoTime() + blockTimeoutNanos, this::mayWait);
        if (!published && taken[0])
        {
            budget.giveBack(charge);
        }
        return published;
    }

    /** Whether a full buffer makes the caller wait now. */
    private boolean mayWait()
    {
        switch (policy)
        {
            case BLOCK:
                return running.getAsBoolean();
            case ADAPTIVE:
                return running.getAsBoolean() && health.isHealthy();
            default:
                return false;
        }
    }

    private boolean tryPublish(long timestamp, String message, byte[] utf8, int length, long charge, boolean cut)
    {
        long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (InsufficientCapacityException full)
        {
            return false;
        }
        try
        {
            ring.get(sequence).set(timestamp, message, utf8, length, charge, cut);
        }
        finally
        {
            ring.publish(sequence);
        }
        return true;
    }

    /** A length from 0 to {@code available}: an adapter's length outside it is taken as the nearest bound. */
    private static int clamp(int length, int available)
    {
        return Math.max(0, Math.min(length, available));
    }

    /** How many characters to keep: {@code max}, one fewer if that would split a surrogate pair. */
    private static int cutToChars(String message, int max)
    {
        return Character.isHighSurrogate(message.charAt(max - 1)) ? max - 1 : max;
    }
}
