package io.github.cwlappender.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class RenderReportTest
{
    private static final String E2E_HEADER = "system\tlabel\tevents\tlogged\tstored\tlost\tstored_in_time\tseconds"
            + "\tevents_per_s\tmb_per_s\trequests\tendpoint_cpu_pct\tsystem_cpu_pct\tcapped\ttimed_out\town_report"
            + "\terror\tconfiguration";

    @TempDir
    Path dir;

    private static String e2eRow(String system, String label, long eventsPerSecond, long lost, String error)
    {
        return String.join("\t", system, label, "1000000", "1000000", Long.toString(1_000_000 - lost),
                Long.toString(lost), "1000000", "10.000", Long.toString(eventsPerSecond), "19.07", "216", "12.5",
                "140.0", "false", "false", "delivered=1000000", error, "config");
    }

    private Path writeRun(long events) throws Exception
    {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("e2e.tsv"), String.join("\n", E2E_HEADER,
                e2eRow("ceiling", "bare SDK loop (ceiling)", 130_000, 0, ""),
                e2eRow("ours-logback", "ours, Logback", 120_000, 0, ""),
                e2eRow("ours-log4j2", "ours, Log4j2", 100_000, 3, ""),
                e2eRow("kdgregory-tuned", "kdgregory 3.2.1, tuned", 40_000, 0, ""),
                e2eRow("pjer-default", "pjer 1.6.0, defaults", 0, 0, "it broke")) + "\n");
        Files.writeString(in.resolve("outage.tsv"), "system\tlabel\toutage_s\trate_per_s\tlogged\tstored\tlost"
                + "\theap_before\theap_max\theap_end_of_outage\theap_after_recovery\theap_samples\town_report\terror\n"
                + "ours-logback\tours, Logback\t60\t4000\t240000\t231000\t9000\t10485760\t73400320\t73400320"
                + "\t12582912\t1,2\tdropped.BUFFER_FULL=9000\t\n");
        Files.writeString(in.resolve("e2e-meta.tsv"), "key\tvalue\nevents\t" + events + "\ncpus\t2\n");
        Files.writeString(in.resolve("jmh-AppendBenchmark.json"), "[{\"benchmark\":"
                + "\"io.github.cwlappender.benchmarks.AppendBenchmark.oneThread\",\"mode\":\"avgt\",\"threads\":1,"
                + "\"params\":{\"shape\":\"cwl-ring\",\"consumer\":\"full\"},\"primaryMetric\":{\"score\":29.5,"
                + "\"scoreError\":2.3,\"scoreUnit\":\"ns/op\"},\"secondaryMetrics\":{\"\\u00b7gc.alloc.rate.norm\":"
                + "{\"score\":0.006}}}]");
        // 2 threads made 4,000,000 calls in all, allocated 960,000,000 bytes and used 1.6 s of CPU between them.
        Files.writeString(in.resolve("jmh-AdapterAppendBenchmark.json"), "[{\"benchmark\":"
                + "\"io.github.cwlappender.benchmarks.AdapterAppendBenchmark.log4j2TwoThreads\",\"threads\":2,"
                + "\"params\":{\"appender\":\"cloudwatch\"},\"primaryMetric\":{\"score\":690.2,"
                + "\"scoreError\":20.5,\"scoreUnit\":\"ns/op\"},\"secondaryMetrics\":{\"\\u00b7gc.alloc.rate.norm\":"
                + "{\"score\":304.4},\"loggingThreadBytes\":{\"score\":960000000},\"loggingThreadCalls\":"
                + "{\"score\":4000000},\"loggingThreadCpuNanos\":{\"score\":1600000000}}}]");
        Files.writeString(in.resolve("jmh-FlushBenchmark.json"), "[{\"benchmark\":"
                + "\"io.github.cwlappender.benchmarks.FlushBenchmark.nothingPending\",\"threads\":1,"
                + "\"primaryMetric\":{\"score\":812.25,\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\"}}]");
        Path template = dir.resolve("template.md");
        Files.writeString(template, "intro\n<!-- generated:run -->\n<!-- /generated -->\nappend prose\n"
                + "<!-- generated:append -->\nold\n<!-- /generated -->\n<!-- generated:throughput -->\nold\n"
                + "<!-- /generated -->\n<!-- generated:outage -->\n<!-- /generated -->\n"
                + "<!-- generated:jmh-other -->\n<!-- /generated -->\nend prose\n");
        RenderReport.render(in, template, dir.resolve("out.md"), dir.resolve("img"));
        return dir.resolve("out.md");
    }

    @Test
    void tablesAndRatiosComeFromTheRunFiles() throws Exception
    {
        String doc = Files.readString(writeRun(1_000_000));

        assertThat(doc).startsWith("intro\n").endsWith("end prose\n").contains("append prose").doesNotContain("old\n");
        // 120,000 / 130,000 = 0.92 of the ceiling; 120,000 / 40,000 = 3.00 times kdgregory tuned.
        assertThat(doc).contains("| ours, Logback | 120,000 | — | 19.07 | 216 | 1,000,000 | 1,000,000 | 0 | 0.92"
                + " | 3.00 |");
        assertThat(doc).doesNotContain("rounds, the systems taking turns");
        assertThat(doc).contains("ours, Logback: 0.92× the ceiling (target ≥ 0.9, met), 3.00× kdgregory tuned"
                + " (target ≥ 2.5, met), lost 0 (target 0, met)");
        assertThat(doc).contains("ours, Log4j2: 0.77× the ceiling (target ≥ 0.9, **not met**), 2.50× kdgregory"
                + " tuned (target ≥ 2.5, met), lost 3 (target 0, **not met**)");
        assertThat(doc).contains("| pjer 1.6.0, defaults | failed: it broke");
        assertThat(doc).contains("| ours, Logback | 60 s at 4,000/s | 240,000 | 231,000 | 9,000 | 10.0 | 70.0 | 70.0"
                + " | 12.0 |");
        assertThat(doc).contains("| benchmark | method | parameters | threads | score | unit | B/op | logging thread,"
                + " B/call | logging thread, CPU ns/call |");
        assertThat(doc).contains("| AppendBenchmark | oneThread | shape=cwl-ring, consumer=full | 1 | 29.5 ± 2.3"
                + " | ns/op | 0.0 | n/a | n/a |");
        // The calling threads' own counters, divided by their calls.
        assertThat(doc).contains("| AdapterAppendBenchmark | log4j2TwoThreads | appender=cloudwatch | 2 | 690.2 ± 20.5"
                + " | ns/op | 304.4 | 240.0 | 400.0 |");
        // A table without such counters has no such columns.
        assertThat(doc).contains("| benchmark | method | parameters | threads | score | unit | B/op |\n");
        assertThat(doc).contains("| FlushBenchmark | nothingPending | — | 1 | 812.3 | ns/op | n/a |\n");
        assertThat(doc).doesNotContain("Placeholder");
    }

    /**
     * Renders a run of the ceiling, ours with Logback and kdgregory tuned whose e2e.tsv has one more column, with
     * these values in that order; {@code meta}, when not null, replaces the run's e2e-meta.tsv.
     */
    private String renderThreeSystemsWithColumn(String column, String ceiling, String ours, String kdgregory,
            String meta) throws Exception
    {
        Path in = dir.resolve("in");
        writeRun(1_000_000);
        Files.writeString(in.resolve("e2e.tsv"), String.join("\n", E2E_HEADER + "\t" + column,
                e2eRow("ceiling", "bare SDK loop (ceiling)", 130_000, 0, "") + "\t" + ceiling,
                e2eRow("ours-logback", "ours, Logback", 120_000, 0, "") + "\t" + ours,
                e2eRow("kdgregory-tuned", "kdgregory 3.2.1, tuned", 40_000, 0, "") + "\t" + kdgregory) + "\n");
        if (meta != null)
        {
            Files.writeString(in.resolve("e2e-meta.tsv"), meta);
        }
        Path out = dir.resolve(column + ".md");
        RenderReport.render(in, dir.resolve("template.md"), out, dir.resolve("img"));
        return Files.readString(out);
    }

    @Test
    void theRunSaysWhenTheJmhResultsWereWrittenBesideTheEndToEndStart() throws Exception
    {
        Path out = writeRun(1_000_000);
        Path in = dir.resolve("in");
        Files.writeString(in.resolve("e2e-meta.tsv"), "key\tvalue\ndate\t2026-11-27T12:14:00Z\nevents\t1000000\n");
        Files.setLastModifiedTime(in.resolve("jmh-AppendBenchmark.json"),
                FileTime.from(Instant.parse("2026-11-27T07:24:10.250Z")));
        Files.setLastModifiedTime(in.resolve("jmh-AdapterAppendBenchmark.json"),
                FileTime.from(Instant.parse("2026-11-27T07:31:56.900Z")));
        Files.setLastModifiedTime(in.resolve("jmh-FlushBenchmark.json"),
                FileTime.from(Instant.parse("2026-11-27T07:29:00Z")));
        RenderReport.render(in, dir.resolve("template.md"), out, dir.resolve("img"));
        String doc = Files.readString(out);

        assertThat(doc).contains("- Run: 2026-11-27T12:14:00Z,");
        // The latest of the files, to the second.
        assertThat(doc).contains("- JMH results (sections 1 and 4) written 2026-11-27T07:31:56Z\n");
    }

    @Test
    void withRoundsEachRowShowsEveryRoundAndTheRunSaysTheRowsAreMedians() throws Exception
    {
        String doc = renderThreeSystemsWithColumn("rounds_events_per_s", "125000 130000 140000",
                "120000 118000 121000", "", "key\tvalue\nevents\t1000000\ncpus\t2\nrounds\t3\n");

        assertThat(doc).contains("3 rounds, the systems taking turns, and each row of the table is a system's median"
                + " round");
        assertThat(doc).contains("| ours, Logback | 120,000 | 120,000 / 118,000 / 121,000 | 19.07 |");
        assertThat(doc).contains("| kdgregory 3.2.1, tuned | 40,000 | — | 19.07 |");
    }

    @Test
    void aRatioJustBelowItsTargetIsNotRoundedUpToIt() throws Exception
    {
        // 116,350 / 130,000 = 0.895: two decimals would print 0.90 beside "not met".
        Path in = dir.resolve("in");
        writeRun(1_000_000);
        Files.writeString(in.resolve("e2e.tsv"), String.join("\n", E2E_HEADER,
                e2eRow("ceiling", "bare SDK loop (ceiling)", 130_000, 0, ""),
                e2eRow("ours-logback", "ours, Logback", 130_000, 0, ""),
                e2eRow("ours-log4j2", "ours, Log4j2", 116_350, 0, ""),
                e2eRow("kdgregory-tuned", "kdgregory 3.2.1, tuned", 46_540, 0, "")) + "\n");
        Path out = dir.resolve("close.md");
        RenderReport.render(in, dir.resolve("template.md"), out, dir.resolve("img"));
        String doc = Files.readString(out);

        assertThat(doc).contains("ours, Log4j2: 0.895× the ceiling (target ≥ 0.9, **not met**), 2.50× kdgregory"
                + " tuned (target ≥ 2.5, met)");
        assertThat(doc).contains("ours, Logback: 1.00× the ceiling (target ≥ 0.9, met), 2.79× kdgregory tuned");
        // The table keeps two decimals throughout.
        assertThat(doc).contains("| ours, Log4j2 | 116,350 | — | 19.07 | 216 | 1,000,000 | 1,000,000 | 0 | 0.90 |");
    }

    @Test
    void aRatioToASystemThatFailedIsShownAsNotAvailable() throws Exception
    {
        Path in = dir.resolve("in");
        writeRun(1_000_000);
        Files.writeString(in.resolve("e2e.tsv"), String.join("\n", E2E_HEADER,
                e2eRow("ceiling", "bare SDK loop (ceiling)", 130_000, 0, ""),
                e2eRow("ours-logback", "ours, Logback", 130_000, 0, ""),
                e2eRow("kdgregory-tuned", "kdgregory 3.2.1, tuned", 0, 0, "child JVM exited with 1")) + "\n");
        Path out = dir.resolve("failed.md");
        RenderReport.render(in, dir.resolve("template.md"), out, dir.resolve("img"));

        assertThat(Files.readString(out)).contains("ours, Logback: 1.00× the ceiling (target ≥ 0.9, met), n/a×"
                + " kdgregory tuned (target ≥ 2.5, **not met**)");
    }

    @Test
    void theRunSaysWhenUncountedCeilingRoundsWarmedTheEndpointsUp() throws Exception
    {
        String warmed = renderThreeSystemsWithColumn("rounds_events_per_s", "125000 130000 140000",
                "120000 118000 121000", "", "key\tvalue\nevents\t1000000\nrounds\t3\nendpoint_warmup_rounds\t3\n");
        String older = renderThreeSystemsWithColumn("rounds_events_per_s", "125000 130000 140000",
                "120000 118000 121000", "", "key\tvalue\nevents\t1000000\nrounds\t3\n");

        assertThat(warmed).contains("before the first round, 3 rounds of the bare SDK loop that no row counts warm up"
                + " the endpoints' code");
        // Output from before the harness had those rounds must not claim them.
        assertThat(older).doesNotContain("warm up the endpoints' code");
    }

    @Test
    void theCompilersShareOfTheSystemsCpuIsShownWhereTheRunMeasuredIt() throws Exception
    {
        String doc = renderThreeSystemsWithColumn("compiler_cpu_pct", "31.6", "48.4", "", null);

        assertThat(doc).contains("| endpoint CPU | system CPU | of it, JIT compiler | the system's own counters |");
        assertThat(doc).contains("| 13 % | 140 % | 32 % | `delivered=1000000` |");
        assertThat(doc).contains("| 13 % | 140 % | 48 % | `delivered=1000000` |");
        // Not measured (another platform): a dash, not 0 %.
        assertThat(doc).contains("| 13 % | 140 % | — | `delivered=1000000` |");
    }

    @Test
    void aSmokeRunIsMarkedAsAPlaceholderEverywhere() throws Exception
    {
        String doc = Files.readString(writeRun(20_000));

        assertThat(doc).contains("**Placeholder figures from a smoke run");
        assertThat(doc.split("\\*Placeholder: from a smoke run", -1)).hasSize(5);
        assertThat(Files.readString(dir.resolve("img").resolve(RenderReport.THROUGHPUT_SVG))).contains("PLACEHOLDER");
    }

    @Test
    void chartsAreWellFormedSvgWithOneBarPerSystemScaledToTheLargest() throws Exception
    {
        writeRun(1_000_000);
        Document svg = parse(dir.resolve("img").resolve(RenderReport.THROUGHPUT_SVG));

        NodeList rects = svg.getElementsByTagName("rect");
        // The background, then one bar per system that did not fail (4 of 5), in the order of the run.
        assertThat(rects.getLength()).isEqualTo(5);
        double ceiling = Double.parseDouble(rects.item(1).getAttributes().getNamedItem("width").getNodeValue());
        double kdgregory = Double.parseDouble(rects.item(4).getAttributes().getNamedItem("width").getNodeValue());
        assertThat(kdgregory / ceiling).isCloseTo(40_000.0 / 130_000.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(svg.getDocumentElement().getTextContent()).contains("130,000").contains("ours, Logback");

        Document append = parse(dir.resolve("img").resolve(RenderReport.APPEND_SVG));
        assertThat(append.getDocumentElement().getTextContent()).contains("AppendBenchmark.oneThread")
                .doesNotContain("FlushBenchmark");
    }

    private static Document parse(Path file) throws Exception
    {
        byte[] bytes = Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
