package io.github.cwlappender.core.internal;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.core.internal.naming.DestinationNames;
import io.github.cwlappender.core.internal.naming.LogDestination;
import io.github.cwlappender.core.internal.naming.NameSources;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wires the stages together (ring buffer, batcher, sender, delivery) and owns their lifecycle. The public
 * {@code CloudWatchLogsEngine} is a thin facade over this class.
 */
public final class Pipeline
{
    // How often an idle batcher wakes to check lingering batches and flush requests.
    private static final long IDLE_WAKE_MILLIS = 10;
    // The share of bufferBytes that only WARN and above may use.
    private static final int IMPORTANT_RESERVE_PERCENT = 10;

    private enum State
    {
        NEW, RUNNING, STOPPING, STOPPED
    }

    private final EngineConfig config;
    private final Counters counters = new Counters();
    private final StatusReporter status;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final ClientHolder client;
    private final Destinations destinations;
    private final DestinationNames names;
    private final BufferBudget budget;
    private final DeliveryHealth health;
    private final DropReporter drops;
    private final BatchSender sender;
    private final BatchAssembler assembler;
    private final Disruptor<RingSlot> disruptor;
    private final RingBuffer<RingSlot> ring;
    private final BufferIntake intake;
    private final TrackedThreadFactory batcherThreads;
    private volatile State state = State.NEW;

    public Pipeline(EngineConfig config, StatusReporter status)
    {
        this(config, status, NameSources.system());
    }

    /** As {@link #Pipeline(EngineConfig, StatusReporter)}, with the clock and metadata endpoints the names use. */
    public Pipeline(EngineConfig config, StatusReporter status, NameSources nameSources)
    {
        this.config = config;
        this.status = status;
        this.client = new ClientHolder(config);
        this.destinations = new Destinations(config, client, status);
        this.names = new DestinationNames(config.logGroup(), config.logStream(), nameSources, status::warn);
        this.budget = new BufferBudget(config.bufferBytes(), IMPORTANT_RESERVE_PERCENT);
        // Threads waiting for room must not wait out their timeout once delivery fails: wake them to drop.
        this.health = new DeliveryHealth(DeliveryHealth.GRACE_WINDOW_NANOS, budget::wakeWaiters);
        this.drops = new DropReporter(counters, status, this::deliveryContext);
        BatchDelivery delivery = new BatchDelivery(config, client, destinations, names, counters, status,
                shutdown, health);
        this.sender = new BatchSender(config.name(), config.maxInFlight(), delivery, budget, shutdown);
        this.assembler = new BatchAssembler(config, sender, counters, status, budget, drops,
                client.sendsWrittenBodies()
                        ? new JsonEvents.Collector(ChunkPool.forSenders(config.maxInFlight(), config.maxBatchBytes()))
                        : new ModelEvents.Collector(config.maxBatchEvents()));
        this.batcherThreads = new TrackedThreadFactory(config.name(), "batcher");
        this.disruptor = new Disruptor<>(RingSlot::new, config.bufferSize(), batcherThreads, ProducerType.MULTI,
                new IdleParkingWaitStrategy(IDLE_WAKE_MILLIS, TimeUnit.MILLISECONDS));
        // The Disruptor's default handler is fatal to the batcher thread; ours reports and carries on.
        disruptor.setDefaultExceptionHandler(new ReportingExceptionHandler());
        disruptor.handleEventsWith(assembler);
        this.ring = disruptor.getRingBuffer();
        // Every slot claimed is published, so the ring's cursor counts the events it took (from -1).
        counters.countQueuedEvents(() -> ring.getCursor() + 1);
        this.intake = new BufferIntake(config, ring, budget, health, counters, this::isRunning);
    }

    /** Starts the batcher, and warms the client and the destination on a sender thread. Never waits for I/O. */
    public synchronized void start()
    {
        if (state != State.NEW)
        {
            return;
        }
        disruptor.start();
        state = State.RUNNING;
        sender.runFirst(this::warmUp);
    }

    /**
     * Expands the names (metadata look-ups included), builds the client and creates the log stream (and group) now,
     * so that a burst at start-up meets a warm path instead of a client build and a not-found, create, retry round
     * trip. Failures here are only early news: the first batch goes through the usual classified retries.
     */
    private void warmUp()
    {
        names.resolve();
        LogDestination where = names.current();
        if (!where.logGroup().equals(config.logGroup()) || !where.logStream().equals(config.logStream()))
        {
            status.info("sending to " + where);
        }
        try
        {
            // Not yet a call to the service: in a cold JVM building the client can outlast the grace window, and
            // that is no silence of the service's.
            client.get();
        }
        catch (RuntimeException e)
        {
            String description = Failure.describe(e);
            counters.lastError(description);
            health.failed("the client cannot be built: " + description);
            status.errorLimited("credentials", "cannot build the CloudWatch Logs client [" + description
                    + "]: check the region and credentials; events are kept while the buffer has room");
            return;
        }
        health.callStarted();
        try
        {
            if (config.createLogStream())
            {
                destinations.createMissing(where);
            }
            health.succeeded();
        }
        catch (RuntimeException e)
        {
            String description = Failure.describe(e);
            counters.lastError(description);
            Failure failure = Failure.classify(e);
            // Creating may be forbidden where putting is allowed: refused credentials here say nothing of delivery.
            if (failure != Failure.CREDENTIALS)
            {
                health.callFailed(failure, Failure.isServiceAnswer(e), description);
            }
            status.warnLimited("warmup", "could not prepare log stream '" + where.logStream() + "' at start ["
                    + description + "]; the first batch will try again");
        }
        finally
        {
            health.callEnded();
        }
    }

    /** For drop reports: what delivery is doing now. */
    private String deliveryContext()
    {
        String failing = health.whyFailing();
        if (failing != null)
        {
            return "delivery is failing (" + failing + "), so a full buffer drops at once";
        }
        if (config.onBufferFull() == OnBufferFull.DROP)
        {
            return "onBufferFull=DROP drops at once; bufferBytes=" + config.bufferBytes();
        }
        return "delivery is healthy but slower than the logging for longer than blockTimeoutMillis="
                + config.blockTimeoutMillis() + " (bufferBytes=" + config.bufferBytes() + ")";
    }

    public boolean isRunning()
    {
        return state == State.RUNNING;
    }

    /** As {@link #append(long, String, int, boolean)}, for the whole message. */
    public boolean append(long timestamp, String message, boolean important)
    {
        return append(timestamp, message, message == null ? 0 : message.length(), important);
    }

    /**
     * The application-thread path: a few volatile reads, a budget CAS, a slot claim and a publish. Never touches the
     * network; waits for room only as {@code onBufferFull} allows. Only the first {@code length} characters of the
     * message are sent.
     */
    public boolean append(long timestamp, String message, int length, boolean important)
    {
        return admitsFromCaller() && intake.offer(timestamp, message, length, important);
    }

    /** As {@link #append(long, String, int, boolean)}, for the first {@code length} bytes of UTF-8 text. */
    public boolean appendUtf8(long timestamp, byte[] utf8, int length, boolean important)
    {
        return admitsFromCaller() && intake.offerUtf8(timestamp, utf8, length, important);
    }

    /**
     * False (the event dropped and counted) when the caller is one of the engine's own threads or the engine is not
     * running. An event let through is counted by the ring when it takes it, or as refused by the intake.
     */
    private boolean admitsFromCaller()
    {
        if (EngineThread.isCurrent())
        {
            counters.refused(DropReason.RECURSION);
            return false;
        }
        if (state != State.RUNNING)
        {
            counters.refused(DropReason.SHUTDOWN);
            return false;
        }
        return true;
    }

    /** Counts an event an adapter refused because it came from the SDK's or the engine's own logging. */
    public void countRecursionDrop()
    {
        counters.refused(DropReason.RECURSION);
    }

    /** Counts an event an adapter could not make text of: its layout or encoder threw. */
    public void countFormatFailure()
    {
        counters.refused(DropReason.FORMAT_FAILED);
    }

    /** Bytes of the budget that buffered events take now. */
    public long bufferedBytes()
    {
        return budget.used();
    }

    /** Null while delivery is healthy, else why it counts as failing. */
    public String deliveryFailure()
    {
        return health.whyFailing();
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
        // Waiting application threads drop at once from here on.
        budget.wakeWaiters();
        boolean drained = flushUntil(deadline);
        // Past this point nothing may wait any longer: retries, backoff sleeps and the batcher give up at once.
        shutdown.abort();
        disruptor.halt();
        batcherThreads.awaitAllEnded(deadline);
        boolean sendersEnded = sender.shutdown(Math.max(0, deadline - System.nanoTime()));
        // A request already on the wire is not cut off: it may still store its events, and is counted as it ends.
        sender.whenIdleAfterShutdown(client::close);
        counters.terminate();
        state = State.STOPPED;
        drops.finish();
        EngineStatistics stats = counters.snapshot();
        long lost = stats.dropped(DropReason.SHUTDOWN);
        if (drained && lost == 0)
        {
            status.info("stopped; " + stats);
        }
        else
        {
            status.dataLoss("stopped after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms with " + lost
                    + " events not delivered (counted as dropped at shutdown"
                    + (sendersEnded ? "" : "; events of a request still in flight count as delivered if it"
                    + " succeeds") + "); " + stats);
        }
        return drained && lost == 0;
    }

    public EngineStatistics statistics()
    {
        return counters.snapshot();
    }

    /** Events accepted and not yet delivered, rejected or dropped; cheaper than {@link #statistics()}. */
    public long pending()
    {
        return counters.pending();
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
