package io.github.cwlappender.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a benchmark run's output into the generated sections of {@code docs/benchmarks.md} and its charts. Reads,
 * from the input folder: {@code e2e.tsv}, {@code outage.tsv}, {@code e2e-meta.tsv} (written by
 * {@code EndToEnd}) and every {@code jmh-*.json} (JMH's {@code -rf json}). Writes the document with only the text
 * between its {@code <!-- generated:NAME -->} markers replaced, and {@code bench-throughput.svg} (events/s per
 * system) and {@code bench-append.svg} (time per call in {@code AppendBenchmark} and
 * {@code AdapterAppendBenchmark}) into the image folder.
 *
 * <p>Usage: {@code RenderReport --in target/bench --template docs/benchmarks.md --out docs/benchmarks.md
 * --img docs/img}. The image links in the document are {@code img/...}, relative to the document.
 */
public final class RenderReport
{
    static final String THROUGHPUT_SVG = "bench-throughput.svg";
    static final String APPEND_SVG = "bench-append.svg";
    /** The benchmarks of one logging call, charted together; other JMH results get a table of their own. */
    static final List<String> APPEND_BENCHMARKS = List.of("AppendBenchmark", "AdapterAppendBenchmark",
            "PacedAppendBenchmark");

    private RenderReport()
    {
    }

    public static void main(String[] args) throws IOException
    {
        Path in = Path.of("target", "bench");
        Path template = Path.of("docs", "benchmarks.md");
        Path out = template;
        Path img = Path.of("docs", "img");
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--in":
                    in = Path.of(args[i + 1]);
                    break;
                case "--template":
                    template = Path.of(args[i + 1]);
                    break;
                case "--out":
                    out = Path.of(args[i + 1]);
                    break;
                case "--img":
                    img = Path.of(args[i + 1]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + "; usage: RenderReport --in DIR --template FILE --out FILE --img DIR");
            }
        }
        render(in, template, out, img);
        System.out.println("wrote " + out + ", " + img.resolve(THROUGHPUT_SVG) + ", " + img.resolve(APPEND_SVG));
    }

    static void render(Path in, Path template, Path out, Path img) throws IOException
    {
        List<Map<String, String>> deliveries = Tsv.read(in.resolve("e2e.tsv"));
        List<Map<String, String>> outages = Tsv.read(in.resolve("outage.tsv"));
        Map<String, String> meta = Tsv.readKeyValues(in.resolve("e2e-meta.tsv"));
        List<Path> jmhFiles = jmhFiles(in);
        List<JmhResult> jmh = jmhResults(jmhFiles);
        List<JmhResult> append = new ArrayList<>();
        List<JmhResult> others = new ArrayList<>();
        for (JmhResult r : jmh)
        {
            (APPEND_BENCHMARKS.contains(r.benchmarkClass) ? append : others).add(r);
        }

        boolean smoke = ReportSections.isSmoke(meta);
        String note = ReportSections.placeholderNote(smoke);
        String document = Files.readString(template, StandardCharsets.UTF_8);
        document = MarkdownSections.replace(document, "run", ReportSections.run(meta, lastWritten(jmhFiles)));
        document = MarkdownSections.replace(document, "throughput",
                note + ReportSections.throughput(deliveries, "img/" + THROUGHPUT_SVG));
        document = MarkdownSections.replace(document, "outage", note + ReportSections.outage(outages));
        document = MarkdownSections.replace(document, "append",
                note + ReportSections.jmh(append, "![time per call, per benchmark](img/" + APPEND_SVG + ")"));
        document = MarkdownSections.replace(document, "jmh-other", note + ReportSections.jmh(others, ""));

        Files.createDirectories(img);
        if (out.getParent() != null)
        {
            Files.createDirectories(out.getParent());
        }
        String suffix = smoke ? " [PLACEHOLDER: smoke run]" : "";
        Files.writeString(img.resolve(THROUGHPUT_SVG), throughputChart(deliveries, suffix), StandardCharsets.UTF_8);
        Files.writeString(img.resolve(APPEND_SVG), appendChart(append, suffix), StandardCharsets.UTF_8);
        Files.writeString(out, document, StandardCharsets.UTF_8);
    }

    private static List<JmhResult> jmhResults(List<Path> files) throws IOException
    {
        List<JmhResult> results = new ArrayList<>();
        for (Path file : files)
        {
            results.addAll(JmhResult.read(file));
        }
        return results;
    }

    /**
     * When the last of the JMH result files was written, or null without any. The page says it beside the end-to-end
     * run's start: after a rerun of {@code EndToEnd} alone, the two parts come from different times.
     */
    private static Instant lastWritten(List<Path> files) throws IOException
    {
        Instant latest = null;
        for (Path file : files)
        {
            Instant written = Files.getLastModifiedTime(file).toInstant();
            latest = latest == null || written.isAfter(latest) ? written : latest;
        }
        return latest;
    }

    private static List<Path> jmhFiles(Path in) throws IOException
    {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(in))
        {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(in, "jmh-*.json"))
            {
                found.forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }

    private static String throughputChart(List<Map<String, String>> rows, String titleSuffix)
    {
        BarChart chart = new BarChart("End to end: events delivered per second" + titleSuffix, "events/s");
        for (Map<String, String> r : rows)
        {
            if (!r.get("error").isEmpty())
            {
                continue;
            }
            String system = r.get("system");
            String color = system.startsWith("ours-") ? BarChart.OURS
                    : system.equals("ceiling") ? BarChart.REFERENCE : BarChart.OTHER;
            chart.add(r.get("label"), Numbers.parse(r.get("events_per_s")), color);
        }
        return chart.toSvg();
    }

    private static String appendChart(List<JmhResult> results, String titleSuffix)
    {
        BarChart chart = new BarChart("Application thread: time per call" + titleSuffix, "ns/op, lower is better");
        for (JmhResult r : results)
        {
            // Our rows: the engine's ring in AppendBenchmark, our appender in AdapterAppendBenchmark.
            boolean ours = r.params.contains("cwl") || r.params.contains("cloudwatch");
            chart.add(r.label() + ", " + r.threads + " thr", r.score, ours ? BarChart.OURS : BarChart.OTHER);
        }
        return chart.toSvg();
    }
}
