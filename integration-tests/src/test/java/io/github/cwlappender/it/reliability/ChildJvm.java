package io.github.cwlappender.it.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ReliabilityChild} in a JVM of its own (this JVM's java, this test's class path) and records its output
 * with the time each line arrived, so that a test can measure how long the child took to exit after it said it was
 * done logging.
 */
final class ChildJvm
{
    /** The child's merged stdout and stderr, its exit code, and when it finished logging and when it exited. */
    static final class Result
    {
        final List<String> lines;
        final int exitCode;
        final long doneLoggingNanos;
        final long exitNanos;

        Result(List<String> lines, int exitCode, long doneLoggingNanos, long exitNanos)
        {
            this.lines = lines;
            this.exitCode = exitCode;
            this.doneLoggingNanos = doneLoggingNanos;
            this.exitNanos = exitNanos;
        }

        boolean finishedLogging()
        {
            return doneLoggingNanos != 0;
        }

        long exitAfterDoneMillis()
        {
            return TimeUnit.NANOSECONDS.toMillis(exitNanos - doneLoggingNanos);
        }

        String output()
        {
            return String.join("\n", lines);
        }

        /** The appender's own lines (its status reports and what the child printed about it), for the test log. */
        String appenderLines()
        {
            StringBuilder sb = new StringBuilder();
            for (String line : lines)
            {
                if (line.contains("CloudWatch Logs appender") || line.startsWith(ReliabilityChild.APPENDER))
                {
                    sb.append("  | ").append(line).append('\n');
                }
            }
            return sb.toString();
        }
    }

    private ChildJvm()
    {
    }

    /**
     * Starts the child with these system properties and waits for it, at most {@code limit}, killing it after that.
     * The Log4j2 child runs without Logback on its class path, as a Log4j2 application would.
     */
    static Result run(String adapter, int events, long waitMillis, Map<String, String> properties, Duration limit)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // Short-lived: a small heap and the quick compiler start faster on a busy machine.
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Daws.disableEc2Metadata=true");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(classPath(adapter.equals("log4j2")));
        command.add(ReliabilityChild.class.getName());
        command.add(adapter);
        command.add(Integer.toString(events));
        command.add(Long.toString(waitMillis));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        long[] doneLogging = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    long now = System.nanoTime();
                    synchronized (lines)
                    {
                        lines.add(line);
                        if (line.equals(ReliabilityChild.DONE_LOGGING))
                        {
                            doneLogging[0] = now;
                        }
                    }
                }
            }
            catch (IOException e)
            {
                synchronized (lines)
                {
                    lines.add("(reading the child's output failed: " + e + ")");
                }
            }
        }, "child-output");
        reader.start();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        long exitNanos = System.nanoTime();
        if (!exited)
        {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (lines)
        {
            return new Result(new ArrayList<>(lines), exited ? process.exitValue() : -1, doneLogging[0],
                    exitNanos);
        }
    }

    private static String classPath(boolean withoutLogback)
    {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator))
        {
            String name = Paths.get(entry).getFileName().toString();
            if (withoutLogback && name.startsWith("logback-"))
            {
                continue;
            }
            kept.add(entry);
        }
        return String.join(File.pathSeparator, kept);
    }
}
