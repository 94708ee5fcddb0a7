package io.github.cwlappender.benchmarks.e2e;

/** One {@code RUN} of the child's producers, followed from the parent: when it ends, and how. */
final class Phase
{
    private final ChildJvm child;
    private long logged = -1;
    private long logNanos;
    private String failure;

    private Phase(ChildJvm child)
    {
        this.child = child;
    }

    /** Tells the child to log; the clock of the phase starts now. */
    static Phase start(ChildJvm child, long events, int ratePerSecond, long capMillis) throws java.io.IOException
    {
        child.send("RUN " + events + " " + ratePerSecond + " " + capMillis);
        return new Phase(child);
    }

    /** Whether the producers have finished or failed; reads the child's answer when it has come. */
    boolean producersDone()
    {
        if (logged < 0 && failure == null)
        {
            try
            {
                String answer = child.poll("LOGGED");
                if (answer != null)
                {
                    String[] words = answer.split(" ");
                    logged = Long.parseLong(words[0]);
                    logNanos = Long.parseLong(words[1]);
                }
            }
            catch (ChildJvm.ChildFailure e)
            {
                failure = e.getMessage();
            }
        }
        return logged >= 0 || failure != null;
    }

    /** Waits for the producers' answer, then throws if they failed. */
    void awaitProducers(long timeoutMillis) throws InterruptedException, ChildJvm.ChildFailure
    {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!producersDone())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new ChildJvm.ChildFailure("the producers did not finish within " + timeoutMillis + " ms");
            }
            Thread.sleep(5);
        }
        if (failure != null)
        {
            throw new ChildJvm.ChildFailure(failure);
        }
    }

    long logged()
    {
        return logged;
    }

    long logNanos()
    {
        return logNanos;
    }
}
