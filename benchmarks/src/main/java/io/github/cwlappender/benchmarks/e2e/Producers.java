package io.github.cwlappender.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The application: {@value #THREADS} threads that log events through a system, as fast as it lets them or at a
 * steady rate, until they have logged their share or a time cap passes.
 */
final class Producers
{
    static final int THREADS = 2;

    private final LoggingSystem system;
    private final AtomicLong nextSeq = new AtomicLong();
    // The same threads log in every run, as an application's long-lived threads do: the warm-up then also warms
    // what a thread's first events take (thread-local state and the code that creates it), which fresh threads in
    // the measured run would otherwise meet, and compile, for the first time there.
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, new ProducerThreads());

    Producers(LoggingSystem system)
    {
        this.system = system;
    }

    /** What one run logged, and what went wrong in it (null when nothing did). */
    static final class Outcome
    {
        final long logged;
        final long nanos;
        final Throwable failure;

        Outcome(long logged, long nanos, Throwable failure)
        {
            this.logged = logged;
            this.nanos = nanos;
            this.failure = failure;
        }
    }

    /**
     * Logs {@code events} events split over the threads and returns when all threads are done.
     *
     * @param ratePerSecond 0 for as fast as possible, else the total rate of all threads together
     * @param capNanos the longest the threads keep logging
     */
    Outcome run(long events, int ratePerSecond, long capNanos) throws InterruptedException
    {
        AtomicLong logged = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + capNanos;
        List<Callable<Void>> shares = new ArrayList<>(THREADS);
        for (int t = 0; t < THREADS; t++)
        {
            long share = events / THREADS + (t < events % THREADS ? 1 : 0);
            long periodNanos = ratePerSecond > 0 ? 1_000_000_000L * THREADS / ratePerSecond : 0;
            shares.add(() -> {
                try
                {
                    logged.addAndGet(produce(share, periodNanos, start, deadline));
                }
                catch (Throwable e)
                {
                    failure.compareAndSet(null, e);
                }
                return null;
            });
        }
        threads.invokeAll(shares);
        return new Outcome(logged.get(), System.nanoTime() - start, failure.get());
    }

    private long produce(long share, long periodNanos, long start, long deadline)
    {
        long done = 0;
        try
        {
            while (done < share)
            {
                if ((done & 255) == 0 && System.nanoTime() - deadline > 0)
                {
                    break;
                }
                if (periodNanos > 0)
                {
                    long due = start + done * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0)
                    {
                        LockSupport.parkNanos(wait);
                    }
                }
                long seq = nextSeq.getAndIncrement();
                system.log(seq, Messages.message(seq));
                done++;
            }
        }
        finally
        {
            system.producerDone();
        }
        return done;
    }

    /** Names the logging threads as every run names them; daemons, so that they never keep the JVM alive. */
    private static final class ProducerThreads implements ThreadFactory
    {
        private final AtomicInteger made = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task)
        {
            Thread thread = new Thread(task, Messages.THREAD_PREFIX + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
