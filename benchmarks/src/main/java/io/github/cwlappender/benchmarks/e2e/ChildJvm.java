package io.github.cwlappender.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on one child JVM ({@link LoadChild}) running one system: same Java and class path as the
 * parent, the benchmark's dummy credentials, its standard error kept in a file. Answers are read by a daemon
 * thread so a slow reader never blocks the child.
 */
final class ChildJvm
{
    private final Process process;
    private final Writer commands;
    // Answers not yet taken, in arrival order; guarded by itself. Each caller takes the kind it waits for.
    private final LinkedList<String> answers = new LinkedList<>();

    private ChildJvm(Process process)
    {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "child-answers");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(SystemKind kind, LoggingSystem.Target target, String maxHeap, Path stderrFile)
            throws IOException
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.addAll(ChildCredentials.systemProperties());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadChild.class.getName());
        command.add(kind.id());
        command.add(target.endpoint);
        command.add(target.region);
        command.add(target.logGroup);
        command.add(target.logStream);
        ProcessBuilder builder = new ProcessBuilder(command);
        ChildCredentials.applyTo(builder.environment());
        builder.redirectError(ProcessBuilder.Redirect.to(stderrFile.toFile()));
        return new ChildJvm(builder.start());
    }

    private void readAnswers()
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                if (line.startsWith(ChildProtocol.PREFIX))
                {
                    arrived(line.substring(ChildProtocol.PREFIX.length()));
                }
            }
        }
        catch (IOException ignored)
        {
            // The child is gone; expect() reports it.
        }
        arrived("EXITED");
    }

    private void arrived(String answer)
    {
        synchronized (answers)
        {
            answers.add(answer);
            answers.notifyAll();
        }
    }

    synchronized void send(String command) throws IOException
    {
        commands.write(command + "\n");
        commands.flush();
    }

    /**
     * The first answer starting with {@code word}, waiting for it; an error answer, the child's exit or a timeout
     * throws.
     */
    String expect(String word, long timeoutMillis) throws InterruptedException, ChildFailure
    {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (answers)
        {
            while (true)
            {
                String answer = take(word);
                if (answer != null)
                {
                    return answer;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0)
                {
                    throw new ChildFailure("no " + word + " from the child within " + timeoutMillis + " ms");
                }
                answers.wait(left);
            }
        }
    }

    /** The first answer starting with {@code word} if it has come, else null; an error answer or exit throws. */
    String poll(String word) throws ChildFailure
    {
        synchronized (answers)
        {
            return take(word);
        }
    }

    private String take(String word) throws ChildFailure
    {
        for (Iterator<String> it = answers.iterator(); it.hasNext();)
        {
            String answer = it.next();
            if (answer.startsWith(word))
            {
                it.remove();
                return answer.substring(word.length()).trim();
            }
            if (answer.startsWith("ERROR") || answer.equals("EXITED"))
            {
                throw new ChildFailure("waiting for " + word + ", the child answered: " + answer);
            }
        }
        return null;
    }

    /** Closes the child's input (it exits when done) and waits for it to end, killing it after 30 s. */
    void close() throws InterruptedException
    {
        try
        {
            commands.close();
        }
        catch (IOException ignored)
        {
            // Already gone.
        }
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The child failed, threw into the application, or did not answer in time. */
    static final class ChildFailure extends Exception
    {
        private static final long serialVersionUID = 1L;

        ChildFailure(String message)
        {
            super(message);
        }
    }
}
