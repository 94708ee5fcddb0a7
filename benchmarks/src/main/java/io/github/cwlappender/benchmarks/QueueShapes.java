package io.github.cwlappender.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue shapes other CloudWatch appenders use (a bounded ArrayBlockingQueue, an unbounded LinkedBlockingQueue)
 * with one consumer that drains into batches, as a baseline for the application-thread cost of our ring buffer.
 */
final class QueueShapes
{
    private QueueShapes()
    {
    }

    /** What the application thread hands over in every shape: the timestamp and the formatted message. */
    static final class Entry
    {
        final long timestamp;
        final String message;

        Entry(long timestamp, String message)
        {
            this.timestamp = timestamp;
            this.message = message;
        }
    }

    static final class DrainedQueue
    {
        private final BlockingQueue<Entry> queue;
        private final Thread consumer;
        private volatile boolean running = true;
        private volatile boolean paused;

        DrainedQueue(BlockingQueue<Entry> queue, boolean paused)
        {
            this.queue = queue;
            this.paused = paused;
            this.consumer = new Thread(this::drain, "baseline-consumer");
            consumer.setDaemon(true);
            consumer.start();
        }

        static DrainedQueue arrayBlocking(int capacity, boolean paused)
        {
            return new DrainedQueue(new ArrayBlockingQueue<>(capacity), paused);
        }

        static DrainedQueue linkedBlocking(int capacity, boolean paused)
        {
            return new DrainedQueue(new LinkedBlockingQueue<>(capacity), paused);
        }

        boolean offer(long timestamp, String message)
        {
            return queue.offer(new Entry(timestamp, message));
        }

        private void drain()
        {
            List<Entry> batch = new ArrayList<>(10_000);
            while (running)
            {
                if (paused)
                {
                    sleep();
                    continue;
                }
                try
                {
                    Entry first = queue.poll(10, TimeUnit.MILLISECONDS);
                    if (first != null)
                    {
                        batch.add(first);
                        queue.drainTo(batch, 9_999);
                        batch.clear();
                    }
                }
                catch (InterruptedException e)
                {
                    return;
                }
            }
        }

        private static void sleep()
        {
            try
            {
                Thread.sleep(1);
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }

        void stop()
        {
            paused = false;
            running = false;
            consumer.interrupt();
        }
    }
}
