package io.github.cwlappender.benchmarks.e2e;

import java.util.Map;

/**
 * One system under test, inside its child JVM: started against the endpoint, fed by the producer threads through
 * its framework's API, stopped, then asked what it says about its own deliveries and losses.
 */
interface LoggingSystem
{
    /** Configures and starts it; nothing is logged yet. */
    void start(Target target) throws Exception;

    /** Logs one event at INFO; called by the producer threads. */
    void log(long seq, String message);

    /** The calling producer thread has logged its last event (the bare-SDK loop sends its partial batch). */
    default void producerDone()
    {
    }

    /** Stops it the way an application would at exit, so that it delivers what it still holds. */
    void stop() throws Exception;

    /** Its own counters (sent, dropped by reason...), read after {@link #stop}; empty when it has none. */
    Map<String, Long> report();

    /** Where to send, as the parent gives it. */
    final class Target
    {
        final String endpoint;
        final String region;
        final String logGroup;
        final String logStream;

        Target(String endpoint, String region, String logGroup, String logStream)
        {
            this.endpoint = endpoint;
            this.region = region;
            this.logGroup = logGroup;
            this.logStream = logStream;
        }
    }
}
