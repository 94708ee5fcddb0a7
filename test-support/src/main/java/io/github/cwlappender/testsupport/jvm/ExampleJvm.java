package io.github.cwlappender.testsupport.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example application's {@code main} in a JVM of its own, as a user runs it: the JVM ends when {@code main} returns,
 * and only then does Boot's shutdown hook stop the logging system, which is when the appender delivers what it
 * still holds. (Closing an application context does not stop Boot's logging system; a test that stayed in its own
 * JVM would not see that last delivery.) The child gets the test's class path and no AWS settings of the machine
 * it runs on: every AWS_ variable is removed and the shared credentials and config files point nowhere, so only
 * what a test passes reaches the SDK, and the instance metadata service is never asked.
 */
public final class ExampleJvm
{
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final List<String> systemProperties = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();

    public ExampleJvm systemProperty(String name, String value)
    {
        systemProperties.add("-D" + name + "=" + value);
        return this;
    }

    /** A Boot property on the command line, which overrides application.properties. */
    public ExampleJvm property(String name, String value)
    {
        arguments.add("--" + name + "=" + value);
        return this;
    }

    /** Dummy keys for the emulator, which accepts any. */
    public ExampleJvm emulatorCredentials()
    {
        return systemProperty("aws.accessKeyId", "AKIDBOOTEXAMPLETEST")
                .systemProperty("aws.secretAccessKey", "boot-example-test-secret-not-real");
    }

    public Result run(Class<?> mainClass) throws IOException, InterruptedException
    {
        Path dir = Files.createDirectories(Paths.get("target", "example-jvm"));
        Path nowhere = dir.resolve("no-such-aws-file");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // Starts faster; the example is short-lived.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Daws.disableEc2Metadata=true");
        command.add("-Daws.sharedCredentialsFile=" + nowhere.toAbsolutePath());
        command.add("-Daws.configFile=" + nowhere.toAbsolutePath());
        command.addAll(systemProperties);
        command.add(mainClass.getName());
        command.addAll(arguments);

        Path out = Files.createTempFile(dir, "stdout-", ".txt");
        Path err = Files.createTempFile(dir, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
        {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the example did not end within " + LIMIT.toSeconds() + " s; its output: "
                    + new Result(-1, read(out), read(err), Duration.ZERO));
        }
        return new Result(process.exitValue(), read(out), read(err), Duration.ofNanos(System.nanoTime() - started));
    }

    private static String read(Path file) throws IOException
    {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** How the example ended and what it printed. */
    public static final class Result
    {
        private final int exitCode;
        private final String stdout;
        private final String stderr;
        private final Duration took;

        Result(int exitCode, String stdout, String stderr, Duration took)
        {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.took = took;
        }

        public int exitCode()
        {
            return exitCode;
        }

        public String stdout()
        {
            return stdout;
        }

        public String stderr()
        {
            return stderr;
        }

        public Duration took()
        {
            return took;
        }

        /** Both streams: Logback prints its status lines on standard error, Log4j2 on standard output. */
        public String output()
        {
            return stdout + stderr;
        }

        @Override
        public String toString()
        {
            return "exit code " + exitCode + " after " + took.toMillis() + " ms\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }
}
