package io.github.cwlappender.benchmarks.e2e;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end delivery benchmark: every system, each in its own child JVM against its own fresh strict
 * CloudWatch Logs endpoint on 127.0.0.1 (in this JVM), logs the same events from two threads through its
 * framework's API; the clock stops when the endpoint has stored the last one. The bare-SDK ceiling runs in the same
 * run, against the same kind of endpoint. With {@code --rounds N} every system runs N times, the systems taking turns,
 * and each row is its median round; uncounted rounds of the ceiling before them warm the endpoints' code up.
 * Then the outage run: heap and losses through an outage.
 *
 * <p>Writes {@code e2e.tsv}, {@code outage.tsv} and {@code e2e-meta.tsv} under the output folder (default
 * {@code target/bench}); {@code RenderReport} turns them into tables and charts. Exits with status 1 when a system
 * failed or threw into the application, or when one of ours (or the ceiling) lost an event against the healthy
 * endpoint.
 *
 * <p>Usage: see {@link Settings#USAGE}, e.g. {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.cwlappender.benchmarks.e2e.EndToEnd --events 1000000 --outage-seconds 60}.
 */
public final class EndToEnd
{
    private EndToEnd()
    {
    }

    public static void main(String[] args) throws Exception
    {
        Settings settings;
        try
        {
            settings = Settings.parse(args);
        }
        catch (IllegalArgumentException e)
        {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(settings.out.resolve("logs"));
        writeMeta(settings);
        List<String> problems = new ArrayList<>();

        Map<SystemKind, List<DeliveryResult>> rounds = new LinkedHashMap<>();
        DeliveryRun delivery = new DeliveryRun(settings);
        warmEndpointsUp(delivery, settings, problems);
        for (int round = 1; round <= settings.rounds; round++)
        {
            for (SystemKind kind : settings.systems)
            {
                List<DeliveryResult> earlier = rounds.computeIfAbsent(kind, k -> new ArrayList<>());
                // A system that failed, or was stopped by the time cap, says the same again: it runs once.
                if (!earlier.isEmpty() && (earlier.get(0).failed() || earlier.get(0).capped))
                {
                    continue;
                }
                System.out.printf(Locale.ROOT, "== %s: %,d events x %d B from %d threads%s%n", kind.label,
                        settings.events, Messages.EVENT_BYTES, Producers.THREADS,
                        settings.rounds > 1 ? ", round " + round + " of " + settings.rounds : "");
                DeliveryResult r = delivery.run(kind);
                earlier.add(r);
                print(r);
                if (r.failed())
                {
                    problems.add(kind.id() + " failed: " + r.error);
                }
                else if ((kind.ours || kind == SystemKind.CEILING) && r.lost() > 0)
                {
                    problems.add(kind.id() + " lost " + r.lost() + " events against a healthy endpoint");
                }
            }
        }
        List<DeliveryResult> deliveries = new ArrayList<>();
        rounds.values().forEach(runs -> deliveries.add(MedianRound.of(runs)));
        writeTable(settings.out.resolve("e2e.tsv"), DeliveryResult.HEADER, deliveries, DeliveryResult::toTsv);

        List<OutageResult> outages = new ArrayList<>();
        OutageRun outage = new OutageRun(settings);
        for (SystemKind kind : settings.outageSystems)
        {
            System.out.printf(Locale.ROOT, "== outage: %s, %d s at %,d events/s%n", kind.label,
                    settings.outageSeconds, settings.outageRate);
            OutageResult r = outage.run(kind);
            outages.add(r);
            System.out.printf(Locale.ROOT, "   logged %,d, stored %,d, lost %,d; heap after GC: before %.1f MB,"
                    + " max %.1f MB, end of outage %.1f MB, after recovery %.1f MB; %s%s%n", r.logged, r.stored,
                    r.lost(), mb(r.heapBefore), mb(r.heapMax()), mb(r.heapEndOfOutage), mb(r.heapAfterRecovery),
                    r.ownReport, r.failed() ? "; FAILED: " + r.error : "");
            if (r.failed())
            {
                problems.add("outage " + kind.id() + " failed: " + r.error);
            }
        }
        writeTable(settings.out.resolve("outage.tsv"), OutageResult.HEADER, outages, OutageResult::toTsv);

        if (!problems.isEmpty())
        {
            System.out.println("== FAILED");
            problems.forEach(p -> System.out.println("   " + p));
            System.exit(1);
        }
        System.out.println("== results in " + settings.out);
        System.exit(0);
    }

    /**
     * Rounds of the bare-SDK loop that no table counts, before the first measured round. Every endpoint runs in this
     * JVM, which is not settled before it has served about seven systems' rounds: without them the endpoint took
     * about 80 % of a core in the first round instead of 45 %, then 50 to 60 % in the second, and again about 60 %
     * in the seventh round of a system this JVM served (whichever system it was), against 45 to 50 % in those around
     * it. The first round that a table counts must come after all of that.
     */
    private static void warmEndpointsUp(DeliveryRun delivery, Settings settings, List<String> problems)
    {
        for (int round = 1; round <= settings.endpointWarmupRounds; round++)
        {
            System.out.printf(Locale.ROOT, "== warming up this JVM's endpoints: %s, round %d of %d, not counted%n",
                    SystemKind.CEILING.label, round, settings.endpointWarmupRounds);
            DeliveryResult r = delivery.run(SystemKind.CEILING);
            print(r);
            if (r.failed())
            {
                problems.add("endpoint warm-up failed: " + r.error);
                return;
            }
        }
    }

    private static void print(DeliveryResult r)
    {
        if (r.failed())
        {
            System.out.println("   FAILED: " + r.error);
            return;
        }
        System.out.printf(Locale.ROOT, "   %,.0f events/s, %.1f MB/s, %d requests, logged %,d, stored %,d, lost %,d,"
                + " %.2f s (logging done at %.2f s); endpoint CPU %.0f%%, system CPU %.0f%% (JIT compiler %.0f%%)%s;"
                + " own report: %s%n",
                r.eventsPerSecond(), r.megabytesPerSecond(), r.requests, r.logged, r.stored, r.lost(), r.seconds,
                r.loggingSeconds,
                r.endpointCpuPct, r.systemCpuPct, r.compilerCpuPct, r.capped ? " (time cap reached)" : "", r.ownReport);
    }

    private static double mb(long bytes)
    {
        return bytes / (1024.0 * 1024.0);
    }

    private static <T> void writeTable(Path file, String header, List<T> rows,
            java.util.function.Function<T, String> line) throws IOException
    {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)))
        {
            out.println(header);
            for (T row : rows)
            {
                out.println(line.apply(row));
            }
        }
    }

    private static void writeMeta(Settings s) throws IOException
    {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(s.out.resolve("e2e-meta.tsv"),
                StandardCharsets.UTF_8)))
        {
            out.println("key\tvalue");
            out.println("date\t" + Instant.now());
            out.println("java\t" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            out.println("os\t" + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            out.println("cpus\t" + Runtime.getRuntime().availableProcessors());
            out.println("events\t" + s.events);
            out.println("warmup_events\t" + s.warmupEvents);
            out.println("rounds\t" + s.rounds);
            out.println("endpoint_warmup_rounds\t" + s.endpointWarmupRounds);
            out.println("event_bytes\t" + Messages.EVENT_BYTES);
            out.println("threads\t" + Producers.THREADS);
            out.println("cap_seconds\t" + s.capSeconds);
            out.println("child_heap\t" + s.childHeap);
            out.println("outage_seconds\t" + s.outageSeconds);
            out.println("outage_rate\t" + s.outageRate);
        }
    }
}
