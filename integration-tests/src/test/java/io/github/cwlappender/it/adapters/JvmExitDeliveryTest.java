package io.github.cwlappender.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * A program that logs and simply exits must not lose its last events: each framework's shutdown hook stops the
 * appender, which delivers within shutdownTimeoutMillis. Runs {@link ExitingApp} in a child JVM.
 */
@ExtendWith(MotoServerExtension.class)
class JvmExitDeliveryTest
{
    private static final int EVENTS = 25;

    @TempDir
    Path output;

    @Test
    void logbacksShutdownHookDeliversWhatWasLoggedJustBeforeTheJvmExits(MotoServer moto) throws Exception
    {
        String group = Groups.unique("logback-exit");

        runChild(moto, group, "logback", "-Dlogback.configurationFile=adapters-logback-exit.xml");

        assertThat(messages(moto.readEvents(group, "exit"))).containsExactlyElementsOf(expected());
    }

    @Test
    void log4j2sShutdownHookDeliversWhatWasLoggedJustBeforeTheJvmExits(MotoServer moto) throws Exception
    {
        String group = Groups.unique("log4j2-exit");

        // The AWS SDK's own SLF4J logging would otherwise reach Logback's console defaults in this class path.
        runChild(moto, group, "log4j2", "-Dlog4j2.configurationFile=adapters-log4j2-exit.xml",
                "-Dslf4j.provider=org.slf4j.helpers.NOPServiceProvider");

        assertThat(messages(moto.readEvents(group, "exit"))).containsExactlyElementsOf(expected());
    }

    private void runChild(MotoServer moto, String group, String framework, String... options)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dcwl.endpoint=" + moto.endpoint());
        command.add("-Dcwl.it.logGroup=" + group);
        command.add("-Daws.accessKeyId=" + moto.credentials().resolveCredentials().accessKeyId());
        command.add("-Daws.secretAccessKey=" + moto.credentials().resolveCredentials().secretAccessKey());
        command.add("-Daws.disableEc2Metadata=true");
        command.addAll(List.of(options));
        command.add(ExitingApp.class.getName());
        command.add(framework);
        command.add(Integer.toString(EVENTS));
        Path log = output.resolve(framework + ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A generous bound on a hang, not a measure of speed: the appender's own stop bound is 10 s by default.
        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        if (!exited)
        {
            child.destroyForcibly();
        }
        String childOutput = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        assertThat(exited).as("child JVM exited; its output:%n%s", childOutput).isTrue();
        assertThat(child.exitValue()).as("child exit status; its output:%n%s", childOutput).isZero();
    }

    private static List<String> expected()
    {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++)
        {
            expected.add("exit event " + i);
        }
        return expected;
    }

    private static List<String> messages(List<OutputLogEvent> events)
    {
        List<String> messages = new ArrayList<>();
        for (OutputLogEvent e : events)
        {
            messages.add(e.message());
        }
        return messages;
    }
}
