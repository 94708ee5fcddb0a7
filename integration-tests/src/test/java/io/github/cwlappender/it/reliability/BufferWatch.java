package io.github.cwlappender.it.reliability;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Looks at an engine every 10 ms from a thread of its own: the most of {@code bufferBytes} its buffered events took,
 * and whether (and why) it counted delivery as failing, which is what decides whether a full buffer waits or drops.
 */
final class BufferWatch implements AutoCloseable
{
    private final CloudWatchLogsEngine engine;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakBytes;
    private volatile long samples;
    private volatile long failingSamples;
    private volatile String firstFailure;

    BufferWatch(CloudWatchLogsEngine engine)
    {
        this.engine = engine;
        this.thread = new Thread(this::watch, "buffer-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch()
    {
        while (running)
        {
            long used = engine.bufferedBytes();
            if (used > peakBytes)
            {
                peakBytes = used;
            }
            String failure = engine.deliveryFailure();
            samples++;
            if (failure != null)
            {
                failingSamples++;
                if (firstFailure == null)
                {
                    firstFailure = failure;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    long peakBytes()
    {
        return peakBytes;
    }

    long samples()
    {
        return samples;
    }

    /** Samples in which the engine counted delivery as failing. */
    long failingSamples()
    {
        return failingSamples;
    }

    /** Why delivery first counted as failing, or null if it never did. */
    String firstFailure()
    {
        return firstFailure;
    }

    @Override
    public void close() throws InterruptedException
    {
        running = false;
        thread.join();
    }

    static long mib(long bytes)
    {
        return bytes / (1024 * 1024);
    }
}
