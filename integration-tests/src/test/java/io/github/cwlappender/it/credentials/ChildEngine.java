package io.github.cwlappender.it.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CredentialsChild} with an environment holding no AWS settings but the test's: no inherited
 * {@code AWS_*} variables, no instance metadata, and shared config and credentials files inside the test's own
 * directory (so the machine's {@code ~/.aws} is never read).
 */
final class ChildEngine
{
    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    final List<String> options = new ArrayList<>();

    ChildEngine(Path directory)
    {
        properties.put("aws.configFile", directory.resolve("config").toString());
        properties.put("aws.sharedCredentialsFile", directory.resolve("credentials").toString());
        properties.put("aws.disableEc2Metadata", "true");
        // The SDK logs at DEBUG through SLF4J; the default Logback set-up would print all of it.
        properties.put("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
    }

    ChildEngine env(String name, String value)
    {
        environment.put(name, value);
        return this;
    }

    ChildEngine property(String name, String value)
    {
        properties.put(name, value);
        return this;
    }

    ChildEngine option(String name, String value)
    {
        options.add(name + "=" + value);
        return this;
    }

    /** Runs the child to its end (at most a minute) and returns its exit code followed by its output. */
    Result run() throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CredentialsChild.class.getName());
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            return new Result(-1, new String(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static final class Result
    {
        final int exitCode;
        final String output;

        Result(int exitCode, String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }

        @Override
        public String toString()
        {
            return "exit " + exitCode + ", output:\n" + output;
        }
    }
}
