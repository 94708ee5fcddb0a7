package io.github.cwlappender.benchmarks.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The Markdown of each generated section, made from the run's own result files only. */
final class ReportSections
{
    /** Below this many events per system a run is a smoke test, and the report says so. */
    static final long MEASUREMENT_EVENTS = 100_000;

    private static final String CEILING = "ceiling";
    private static final String KDGREGORY_TUNED = "kdgregory-tuned";
    private static final double CEILING_TARGET = 0.9;
    private static final double KDGREGORY_TARGET = 2.5;

    private ReportSections()
    {
    }

    /** Whether these results come from a smoke run rather than a measurement. */
    static boolean isSmoke(Map<String, String> meta)
    {
        long events = (long) Numbers.parse(meta.get("events"));
        return events > 0 && events < MEASUREMENT_EVENTS;
    }

    /** The line that opens each section of a smoke run's report. */
    static String placeholderNote(boolean smoke)
    {
        return smoke ? "*Placeholder: from a smoke run on a busy machine, not a measurement.*\n\n" : "";
    }

    static String run(Map<String, String> meta, Instant jmhWritten)
    {
        StringBuilder md = new StringBuilder();
        long events = (long) Numbers.parse(meta.get("events"));
        if (isSmoke(meta))
        {
            md.append("**Placeholder figures from a smoke run (").append(Numbers.count(events))
                    .append(" events per system on a busy machine), not a measurement.**\n\n");
        }
        md.append("- Run: ").append(meta.getOrDefault("date", "n/a")).append(", ")
                .append(meta.getOrDefault("cpus", "?")).append(" CPUs, ").append(meta.getOrDefault("java", "?"))
                .append(", ").append(meta.getOrDefault("os", "?")).append('\n');
        md.append("- End to end: ").append(Numbers.count(events)).append(" events of ")
                .append(meta.getOrDefault("event_bytes", "?")).append(" B from ")
                .append(meta.getOrDefault("threads", "?")).append(" threads per system, ")
                .append(warmup(Numbers.parse(meta.get("warmup_events"))))
                .append(rounds(Numbers.parse(meta.getOrDefault("rounds", "1"))))
                .append(endpointWarmup(Numbers.parse(meta.getOrDefault("endpoint_warmup_rounds", "0"))))
                .append("; each system in its own JVM (-Xmx").append(meta.getOrDefault("child_heap", "?"))
                .append(") against its own fresh strict endpoint; logging stops at ")
                .append(meta.getOrDefault("cap_seconds", "?")).append(" s if a system is slower\n");
        md.append("- Outage: ").append(meta.getOrDefault("outage_seconds", "?")).append(" s at ")
                .append(Numbers.count(Numbers.parse(meta.get("outage_rate")))).append(" events/s\n");
        if (jmhWritten == null)
        {
            md.append("- No JMH result files were found for this run\n");
        }
        else
        {
            md.append("- JMH results (sections 1 and 4) written ")
                    .append(jmhWritten.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        }
        return md.toString();
    }

    private static String warmup(double events)
    {
        return events > 0 ? "after a warm-up of " + Numbers.count(events) + " in the same JVM, logged by the same threads"
                : "without warm-up";
    }

    private static String endpointWarmup(double rounds)
    {
        return rounds > 0 ? "; before the first round, " + Numbers.count(rounds) + (rounds == 1 ? " round" : " rounds")
                + " of the bare SDK loop that no row counts warm up the endpoints' code (they all run in one JVM)" : "";
    }

    private static String rounds(double rounds)
    {
        return rounds > 1 ? "; " + Numbers.count(rounds) + " rounds, the systems taking turns, and each row of the table"
                + " is a system's median round (a system stopped by the time cap runs once)" : "";
    }

    /** A row's events/s in every round, as "a / b / c", or a dash when it ran once. */
    private static String eachRound(Map<String, String> row)
    {
        String rounds = row.getOrDefault("rounds_events_per_s", "").trim();
        if (rounds.isEmpty())
        {
            return "—";
        }
        StringBuilder each = new StringBuilder();
        for (String eps : rounds.split(" "))
        {
            each.append(each.length() == 0 ? "" : " / ").append(Numbers.grouped(Numbers.parse(eps)));
        }
        return each.toString();
    }

    /** A share of one core, or a dash where the run did not measure it (another platform, an older run). */
    private static String percentOrDash(String pct)
    {
        return pct.isBlank() ? "—" : Numbers.fixed(Numbers.parse(pct), 0) + " %";
    }

    static String throughput(List<Map<String, String>> rows, String chartLink)
    {
        if (rows.isEmpty())
        {
            return "No end-to-end results in this run.\n";
        }
        double ceiling = eventsPerSecond(rows, CEILING);
        double kdgregory = eventsPerSecond(rows, KDGREGORY_TUNED);
        StringBuilder md = new StringBuilder();
        md.append("| system | events/s | each round | MB/s | requests | logged | stored | lost | × ceiling"
                + " | × kdgregory tuned | endpoint CPU | system CPU | of it, JIT compiler | the system's own counters |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map<String, String> r : rows)
        {
            if (!r.get("error").isEmpty())
            {
                md.append("| ").append(r.get("label")).append(" | failed: ").append(r.get("error"))
                        .append(" |||||||||||||\n");
                continue;
            }
            double eps = Numbers.parse(r.get("events_per_s"));
            md.append("| ").append(r.get("label")).append(" | ").append(Numbers.grouped(eps))
                    .append(" | ").append(eachRound(r))
                    .append(" | ").append(r.get("mb_per_s"))
                    .append(" | ").append(Numbers.count(Numbers.parse(r.get("requests"))))
                    .append(" | ").append(Numbers.count(Numbers.parse(r.get("logged"))))
                    .append("true".equals(r.get("capped")) ? " (time cap)" : "")
                    .append(" | ").append(Numbers.count(Numbers.parse(r.get("stored"))))
                    .append(" | ").append(Numbers.count(Numbers.parse(r.get("lost"))))
                    .append(" | ").append(Numbers.fixed(eps / ceiling, 2))
                    .append(" | ").append(Numbers.fixed(eps / kdgregory, 2))
                    .append(" | ").append(Numbers.fixed(Numbers.parse(r.get("endpoint_cpu_pct")), 0)).append(" %")
                    .append(" | ").append(Numbers.fixed(Numbers.parse(r.get("system_cpu_pct")), 0)).append(" %")
                    .append(" | ").append(percentOrDash(r.getOrDefault("compiler_cpu_pct", "")))
                    .append(" | ").append(r.get("own_report").isEmpty() ? "—" : "`" + r.get("own_report") + "`")
                    .append(" |\n");
        }
        md.append('\n');
        for (Map<String, String> r : rows)
        {
            if (r.get("system").startsWith("ours-") && r.get("error").isEmpty())
            {
                double eps = Numbers.parse(r.get("events_per_s"));
                md.append("- ").append(r.get("label")).append(": ")
                        .append(ratioBeside(eps / ceiling, CEILING_TARGET)).append("× the ceiling (target ≥ ")
                        .append(CEILING_TARGET).append(", ").append(verdict(eps / ceiling >= CEILING_TARGET))
                        .append("), ").append(ratioBeside(eps / kdgregory, KDGREGORY_TARGET))
                        .append("× kdgregory tuned (target ≥ ").append(KDGREGORY_TARGET).append(", ")
                        .append(verdict(eps / kdgregory >= KDGREGORY_TARGET)).append("), lost ")
                        .append(r.get("lost")).append(" (target 0, ").append(verdict("0".equals(r.get("lost"))))
                        .append(")\n");
            }
        }
        md.append("\n![events per second, per system](").append(chartLink).append(")\n");
        return md.toString();
    }

    /**
     * Two decimals, or three where two would round a ratio up to its target or down below it (0.895 is not 0.90);
     * "n/a" where a system of the ratio did not run.
     */
    private static String ratioBeside(double ratio, double target)
    {
        if (!Double.isFinite(ratio))
        {
            return Numbers.fixed(ratio, 2);
        }
        // Rounded as Numbers.fixed rounds: half up, from the double's exact value.
        double twoDecimals = new BigDecimal(ratio).setScale(2, RoundingMode.HALF_UP).doubleValue();
        return Numbers.fixed(ratio, (ratio >= target) == (twoDecimals >= target) ? 2 : 3);
    }

    private static String verdict(boolean met)
    {
        return met ? "met" : "**not met**";
    }

    static String outage(List<Map<String, String>> rows)
    {
        if (rows.isEmpty())
        {
            return "No outage results in this run.\n";
        }
        StringBuilder md = new StringBuilder();
        md.append("| system | outage | logged | stored | lost | heap before, MB | heap max, MB"
                + " | heap at the end of the outage, MB | heap after recovery, MB | the system's own counters |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map<String, String> r : rows)
        {
            if (!r.get("error").isEmpty())
            {
                md.append("| ").append(r.get("label")).append(" | failed: ").append(r.get("error"))
                        .append(" |||||||||\n");
                continue;
            }
            md.append("| ").append(r.get("label"))
                    .append(" | ").append(r.get("outage_s")).append(" s at ")
                    .append(Numbers.count(Numbers.parse(r.get("rate_per_s")))).append("/s")
                    .append(" | ").append(Numbers.count(Numbers.parse(r.get("logged"))))
                    .append(" | ").append(Numbers.count(Numbers.parse(r.get("stored"))))
                    .append(" | ").append(Numbers.count(Numbers.parse(r.get("lost"))))
                    .append(" | ").append(Numbers.megabytes(r.get("heap_before")))
                    .append(" | ").append(Numbers.megabytes(r.get("heap_max")))
                    .append(" | ").append(Numbers.megabytes(r.get("heap_end_of_outage")))
                    .append(" | ").append(Numbers.megabytes(r.get("heap_after_recovery")))
                    .append(" | ").append(r.get("own_report").isEmpty() ? "—" : "`" + r.get("own_report") + "`")
                    .append(" |\n");
        }
        return md.toString();
    }

    /** A table of JMH results, then {@code after} (a chart's image link, or nothing). */
    static String jmh(List<JmhResult> results, String after)
    {
        if (results.isEmpty())
        {
            return "No results of these JMH benchmarks in this run.\n";
        }
        StringBuilder md = new StringBuilder();
        boolean perThread = results.stream().anyMatch(r -> Double.isFinite(r.threadBytesPerCall));
        md.append("| benchmark | method | parameters | threads | score | unit | B/op |")
                .append(perThread ? " logging thread, B/call | logging thread, CPU ns/call |\n" : "\n");
        md.append("|---|---|---|---:|---:|---|---:|").append(perThread ? "---:|---:|\n" : "\n");
        for (JmhResult r : results)
        {
            md.append("| ").append(r.benchmarkClass).append(" | ").append(r.method).append(" | ")
                    .append(r.params.isEmpty() ? "—" : r.params).append(" | ").append(r.threads).append(" | ")
                    .append(Numbers.fixed(r.score, 1));
            if (Double.isFinite(r.error))
            {
                md.append(" ± ").append(Numbers.fixed(r.error, 1));
            }
            md.append(" | ").append(r.unit).append(" | ").append(Numbers.fixed(r.bytesPerOp, 1)).append(" |");
            if (perThread)
            {
                md.append(' ').append(Numbers.fixed(r.threadBytesPerCall, 1)).append(" | ")
                        .append(Numbers.fixed(r.threadCpuNanosPerCall, 1)).append(" |");
            }
            md.append('\n');
        }
        if (!after.isEmpty())
        {
            md.append('\n').append(after).append('\n');
        }
        return md.toString();
    }

    private static double eventsPerSecond(List<Map<String, String>> rows, String system)
    {
        for (Map<String, String> r : rows)
        {
            if (system.equals(r.get("system")) && r.get("error").isEmpty())
            {
                return Numbers.parse(r.get("events_per_s"));
            }
        }
        return Double.NaN;
    }
}
