package io.github.cwlappender.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time so far of this JVM's JIT compiler threads, read from {@code /proc/self/task} (Linux only): the part of
 * a system's CPU that goes to compiling its code rather than running it. The JVM does not report it; its compiler
 * threads are not Java threads, and {@code CompilationMXBean} counts wall time, which grows while a compile waits
 * for a core.
 */
final class CompilerCpu
{
    // The kernel reports a thread's times in clock ticks: USER_HZ, 100 on every Linux the JDK runs on.
    private static final long NANOS_PER_TICK = 10_000_000L;
    // Field numbers (from 1) of utime and stime in /proc/<pid>/task/<tid>/stat.
    private static final int UTIME_FIELD = 14;
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerCpu()
    {
    }

    /**
     * CPU nanoseconds of the compiler threads alive now (HotSpot names them {@code C1 CompilerThread<n>} and
     * {@code C2 CompilerThread<n>}); -1 where unknown.
     */
    static long nanos()
    {
        if (!Files.isDirectory(TASKS))
        {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS))
        {
            for (Path task : tasks)
            {
                ticks += compilerTicks(task);
            }
        }
        catch (IOException e)
        {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    private static long compilerTicks(Path task)
    {
        try
        {
            String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim();
            if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler"))
            {
                return 0;
            }
            return ticksOf(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
        }
        catch (IOException | RuntimeException ended)
        {
            // The thread ended while it was read: its time is no longer anyone's.
            return 0;
        }
    }

    /** utime + stime of one stat line; the name in parentheses may hold spaces, so fields count from its end. */
    private static long ticksOf(String stat)
    {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state).
        int utime = UTIME_FIELD - 3;
        return Long.parseLong(fields[utime]) + Long.parseLong(fields[utime + 1]);
    }
}
