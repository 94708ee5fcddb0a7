package io.github.cwlappender.it.credentials;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineOptions;
import io.github.cwlappender.core.StatusListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in a JVM of its own, so that the environment variables and system properties the SDK's credential chains read
 * are exactly the test's: starts an engine from {@code option=value} arguments, logs {@link #EVENTS} events in
 * {@link #ROUNDS} flushed rounds, stops it, and exits 0 when every event was delivered.
 */
public final class CredentialsChild
{
    static final int ROUNDS = 2;
    static final int EVENTS = 3;

    private CredentialsChild()
    {
    }

    public static void main(String[] args) throws InterruptedException
    {
        EngineOptions options = new EngineOptions();
        for (String arg : args)
        {
            int equals = arg.indexOf('=');
            options.set(arg.substring(0, equals), arg.substring(equals + 1));
        }
        List<String> problems = new ArrayList<>();
        EngineConfig config = options.toConfig("credentials-child", null, problems);
        if (config == null)
        {
            problems.forEach(p -> System.out.println("problem: " + p));
            System.exit(2);
        }
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, new Printing());
        engine.start();
        for (int round = 0; round < ROUNDS; round++)
        {
            for (int i = 0; i < EVENTS; i++)
            {
                engine.append(System.currentTimeMillis(), "round " + round + " event " + i);
            }
            engine.flush(Duration.ofSeconds(20));
        }
        engine.stop(Duration.ofSeconds(10));
        long delivered = engine.statistics().delivered();
        System.out.println("delivered=" + delivered);
        System.exit(delivered == (long) ROUNDS * EVENTS ? 0 : 1);
    }

    private static final class Printing implements StatusListener
    {
        @Override
        public void info(String message)
        {
            System.out.println("info: " + message);
        }

        @Override
        public void warn(String message, Throwable cause)
        {
            System.out.println("warn: " + message + (cause == null ? "" : " " + cause));
        }

        @Override
        public void error(String message, Throwable cause)
        {
            System.out.println("error: " + message + (cause == null ? "" : " " + cause));
        }
    }
}
