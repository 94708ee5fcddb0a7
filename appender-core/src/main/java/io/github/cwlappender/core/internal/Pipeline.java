package io.github.cwlappender.core.internal;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Wires the stages together (ring buffer, batcher, sender, delivery) and owns their lifecycle. The public
 * {@code CloudWatchLogsEngine} is a thin facade over this class.
 */
public final class Pipeline
{
    // How often an idle batcher wakes to check lingering batches and flush requests.
    private static final long IDLE_WAKE_MILLIS = 10;
    private static final long BLOCK_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private enum State
    {
        NEW, RUNNING, STOPPING, STOPPED
    }

    private final EngineConfig config;
    private final Counters counters = new Counters();
    private final StatusReporter status;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final ClientHolder client;
    private final BatchSender sender;
    private final BatchAssembler assembler;
    private final Disruptor<RingSlot> disruptor;
    private final RingBuffer<RingSlot> ring;
    private final AtomicReference<Thread> batcherThread = new AtomicReference<>();
    private final boolean blockWhenFull;
    private final long blockTimeoutNanos;
    private volatile State state = State.NEW;

    public Pipeline(EngineConfig config, StatusReporter status)
    {
        this.config = config;
        this.status = status;
        this.client = new ClientHolder(config);
        Destinations destinations = new Destinations(config, client, status);
        BatchDelivery delivery = new BatchDelivery(config, client, destinations, counters, status, shutdown);
        this.sender = new BatchSender(config.name(), config.maxInFlight(), delivery, shutdown);
        this.assembler = new BatchAssembler(config, sender, counters, status);
        ThreadFactory batcherFactory = EngineThread.factory(config.name(), "batcher");
        ThreadFactory recording = task -> {
            Thread t = batcherFactory.newThread(task);
            batcherThread.set(t);
            return t;
        };
        this.disruptor = new Disruptor<>(RingSlot::new, config.bufferSize(), recording, ProducerType.MULTI,
                new LiteTimeoutBlockingWaitStrategy(IDLE_WAKE_MILLIS, TimeUnit.MILLISECONDS));
        // The Disruptor's default handler is fatal to the batcher thread; ours reports and carries on.
        disruptor.setDefaultExceptionHandler(new ReportingExceptionHandler());
        disruptor.handleEventsWith(assembler);
        this.ring = disruptor.getRingBuffer();
        this.blockWhenFull = config.onBufferFull() == OnBufferFull.BLOCK;
        this.blockTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.blockTimeoutMillis());
    }

    public synchronized void start()
    {
        if (state != State.NEW)
        {
            return;
        }
        disruptor.start();
        state = State.RUNNING;
    }

    public boolean isRunning()
    {
        return state == State.RUNNING;
    }

    /** The application-thread path: a few volatile reads, a slot claim and a publish. Never touches the network. */
    public boolean append(long timestamp, String message)
    {
        counters.accepted();
        if (EngineThread.isCurrent())
        {
            counters.dropped(DropReason.RECURSION);
            return false;
        }
        if (state != State.RUNNING)
        {
            counters.dropped(DropReason.SHUTDOWN);
            return false;
        }
        if (tryPublish(timestamp, message) || (blockWhenFull && publishWithin(timestamp, message)))
        {
            return true;
        }
        counters.dropped(DropReason.BUFFER_FULL);
        return false;
    }

    /** Counts an event an adapter refused because it came from the SDK's or the engine's own logging. */
    public void countRecursionDrop()
    {
        counters.accepted();
        counters.dropped(DropReason.RECURSION);
    }

    private boolean tryPublish(long timestamp, String message)
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
            ring.get(sequence).set(timestamp, message);
        }
        finally
        {
            ring.publish(sequence);
        }
        return true;
    }

    private boolean publishWithin(long timestamp, String message)
    {
        long deadline = System.nanoTime() + blockTimeoutNanos;
        while (state == State.RUNNING && System.nanoTime() - deadline < 0)
        {
            LockSupport.parkNanos(BLOCK_PARK_NANOS);
            if (tryPublish(timestamp, message))
            {
                return true;
            }
            if (Thread.currentThread().isInterrupted())
            {
                return false;
            }
        }
        return false;
    }

    /** Delivers everything accepted before the call; true if it all finished within the timeout. */
    public boolean flush(long timeoutNanos)
    {
        if (state != State.RUNNING && state != State.STOPPING)
        {
            return false;
        }
        return flushUntil(System.nanoTime() + timeoutNanos);
    }

    private boolean flushUntil(long deadline)
    {
        CompletableFuture<Void> done = new CompletableFuture<>();
        assembler.requestFlush(ring.getCursor(), done);
        try
        {
            done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (TimeoutException | ExecutionException e)
        {
            return false;
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Refuses new events, delivers what it can by the deadline, then stops every thread and returns, whatever the
     * network does. Returns true when nothing was lost at shutdown.
     */
    public boolean stop(long timeoutNanos)
    {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this)
        {
            if (state == State.NEW)
            {
                state = State.STOPPED;
                counters.terminate();
                return true;
            }
            if (state != State.RUNNING)
            {
                return counters.snapshot().dropped(DropReason.SHUTDOWN) == 0;
            }
            state = State.STOPPING;
        }
        boolean drained = flushUntil(deadline);
        // Past this point nothing may wait any longer: retries, backoff sleeps and the batcher give up at once.
        shutdown.abort();
        disruptor.halt();
        joinBatcher(deadline);
        sender.shutdown(Math.max(0, deadline - System.nanoTime()));
        client.close();
        counters.terminate();
        state = State.STOPPED;
        EngineStatistics stats = counters.snapshot();
        long lost = stats.dropped(DropReason.SHUTDOWN);
        if (drained && lost == 0)
        {
            status.info("stopped; " + stats);
        }
        else
        {
            status.warn("stopped after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms with " + lost
                    + " events not delivered (counted as dropped at shutdown); " + stats);
        }
        return drained && lost == 0;
    }

    private void joinBatcher(long deadline)
    {
        Thread t = batcherThread.get();
        if (t == null || t == Thread.currentThread())
        {
            return;
        }
        try
        {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    public EngineStatistics statistics()
    {
        return counters.snapshot();
    }

    public EngineConfig config()
    {
        return config;
    }

    private final class ReportingExceptionHandler implements ExceptionHandler<RingSlot>
    {
        @Override
        public void handleEventException(Throwable ex, long sequence, RingSlot event)
        {
            // The batcher guards its own event handling, so this is a bug worth a loud report.
            status.errorLimited("internal", "internal error in the batcher: " + ex);
        }

        @Override
        public void handleOnStartException(Throwable ex)
        {
            status.error("batcher failed to start: " + ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex)
        {
            status.error("batcher failed to shut down cleanly: " + ex);
        }
    }
}
