package io.github.cwlappender.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The child JVM of one system: starts it, then obeys the parent's commands on standard input and answers on
 * standard output, each answer one line starting with {@value ChildProtocol#PREFIX}. Whatever the libraries print
 * on {@code System.out} is moved to standard error, so it cannot mix with the answers.
 *
 * <p>Commands: {@code RUN events ratePerSecond capMillis} (answered {@code LOGGED logged nanos} when the producers
 * are done, while further commands are served), {@code HEAP} ({@code HEAP usedBytes} after a full GC), {@code CPU}
 * ({@code CPU processCpuNanos compilerCpuNanos}: the process's and its JIT compiler threads', the second -1 where
 * unknown), {@code STOP} ({@code STOPPED key=value...} with the system's own counters, then exit). Failures are
 * answered {@code ERROR text} and the process exits with status 1.
 */
public final class LoadChild
{
    private LoadChild()
    {
    }

    public static void main(String[] args) throws Exception
    {
        PrintStream answers = new PrintStream(System.out, true, "UTF-8");
        System.setOut(System.err);
        ChildProtocol out = new ChildProtocol(answers);
        SystemKind kind = SystemKind.byId(args[0]);
        LoggingSystem system = kind.create();
        try
        {
            system.start(new LoggingSystem.Target(args[1], args[2], args[3], args[4]));
            out.answer("READY");
            serve(system, out);
        }
        catch (Throwable e)
        {
            e.printStackTrace();
            out.answer("ERROR " + oneLine(e));
            System.exit(1);
        }
        System.exit(0);
    }

    private static void serve(LoggingSystem system, ChildProtocol out) throws Exception
    {
        Producers producers = new Producers(system);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
        String line;
        while ((line = commands.readLine()) != null)
        {
            String[] words = line.trim().split(" ");
            switch (words[0])
            {
                case "RUN":
                    long events = Long.parseLong(words[1]);
                    int rate = Integer.parseInt(words[2]);
                    long capNanos = Long.parseLong(words[3]) * 1_000_000L;
                    running = CompletableFuture.runAsync(() -> {
                        try
                        {
                            Producers.Outcome outcome = producers.run(events, rate, capNanos);
                            if (outcome.failure != null)
                            {
                                outcome.failure.printStackTrace();
                                out.answer("ERROR the system threw into the application: "
                                        + oneLine(outcome.failure));
                            }
                            else
                            {
                                out.answer("LOGGED " + outcome.logged + " " + outcome.nanos);
                            }
                        }
                        catch (InterruptedException e)
                        {
                            Thread.currentThread().interrupt();
                        }
                    });
                    break;
                case "HEAP":
                    System.gc();
                    System.gc();
                    out.answer("HEAP " + memory.getHeapMemoryUsage().getUsed());
                    break;
                case "CPU":
                    out.answer("CPU " + processCpuNanos() + " " + CompilerCpu.nanos());
                    break;
                case "STOP":
                    running.join();
                    system.stop();
                    StringBuilder report = new StringBuilder("STOPPED");
                    for (Map.Entry<String, Long> e : system.report().entrySet())
                    {
                        report.append(' ').append(e.getKey()).append('=').append(e.getValue());
                    }
                    out.answer(report.toString());
                    return;
                default:
                    out.answer("ERROR unknown command " + line);
                    return;
            }
        }
    }

    private static long processCpuNanos()
    {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }

    static String oneLine(Throwable e)
    {
        return String.valueOf(e).replace('\n', ' ').replace('\r', ' ');
    }
}
