package io.github.cwlappender.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the same body on several application threads, started together, and rethrows the first failure. */
final class Load
{
    /** What one application thread does; {@code thread} counts from 0. */
    interface Body
    {
        void run(int thread) throws Exception;
    }

    private Load()
    {
    }

    static void run(String name, int threads, Body body) throws InterruptedException
    {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            int index = t;
            Thread thread = new Thread(() -> {
                try
                {
                    start.await();
                    body.run(index);
                }
                catch (Throwable e)
                {
                    failure.compareAndSet(null, e);
                }
            }, "app-" + name + "-" + t);
            thread.start();
            started.add(thread);
        }
        start.countDown();
        for (Thread thread : started)
        {
            thread.join();
        }
        if (failure.get() != null)
        {
            throw new AssertionError("an application thread failed: " + failure.get(), failure.get());
        }
    }

    /**
     * Runs a script beside the application threads (deleting the stream, switching faults on and off), then always
     * runs {@code whenDone} so that the application threads stop even if the script fails. {@link Script#join()}
     * rethrows its failure.
     */
    static Script script(String name, Body body, Runnable whenDone)
    {
        return new Script(name, body, whenDone);
    }

    /** A started background script. */
    static final class Script
    {
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Script(String name, Body body, Runnable whenDone)
        {
            thread = new Thread(() -> {
                try
                {
                    body.run(0);
                }
                catch (Throwable e)
                {
                    failure.set(e);
                }
                finally
                {
                    whenDone.run();
                }
            }, name);
            thread.start();
        }

        void join() throws InterruptedException
        {
            thread.join();
            if (failure.get() != null)
            {
                throw new AssertionError("the script failed: " + failure.get(), failure.get());
            }
        }
    }
}
