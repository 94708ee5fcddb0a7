package io.github.cwlappender.benchmarks.e2e;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One system's healthy-endpoint run: one line of {@code e2e.tsv}. */
final class DeliveryResult
{
    static final String HEADER = String.join("\t", "system", "label", "events", "logged", "stored", "lost",
            "stored_in_time", "seconds", "events_per_s", "mb_per_s", "requests", "endpoint_cpu_pct", "system_cpu_pct",
            "compiler_cpu_pct", "capped", "timed_out", "own_report", "error", "configuration", "rounds_events_per_s");

    SystemKind kind;
    long events;
    long logged;
    long stored;
    long storedInTime;
    double seconds;
    // How long the logging threads took, as the child timed it from the command to log; up to seconds, the rest is
    // the system sending what it still held.
    double loggingSeconds = Double.NaN;
    long bytes;
    long requests;
    double endpointCpuPct;
    double systemCpuPct;
    // Of systemCpuPct, the JIT compiler threads' share; NaN where the platform does not tell.
    double compilerCpuPct = Double.NaN;
    boolean capped;
    boolean timedOut;
    String ownReport = "";
    String error = "";
    // Events/s of every round this system ran, in order, when it ran more than once; this result is the median one.
    List<Double> roundsEventsPerSecond = List.of();

    long lost()
    {
        return Math.max(0, logged - stored);
    }

    double eventsPerSecond()
    {
        return seconds > 0 ? storedInTime / seconds : 0;
    }

    double megabytesPerSecond()
    {
        return seconds > 0 ? bytes / seconds / (1024.0 * 1024.0) : 0;
    }

    boolean failed()
    {
        return !error.isEmpty();
    }

    String toTsv()
    {
        return String.join("\t", kind.id(), kind.label, Long.toString(events), Long.toString(logged),
                Long.toString(stored), Long.toString(lost()), Long.toString(storedInTime), format(seconds, 3),
                format(eventsPerSecond(), 0), format(megabytesPerSecond(), 2), Long.toString(requests),
                format(endpointCpuPct, 1), format(systemCpuPct, 1),
                Double.isNaN(compilerCpuPct) ? "" : format(compilerCpuPct, 1), Boolean.toString(capped),
                Boolean.toString(timedOut), clean(ownReport), clean(error), clean(kind.configuration),
                roundsEventsPerSecond.stream().map(eps -> format(eps, 0)).collect(Collectors.joining(" ")));
    }

    static String format(double value, int decimals)
    {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String clean(String text)
    {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
