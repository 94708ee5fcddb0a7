package io.github.cwlappender.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One row of a JMH {@code -rf json} result file: a benchmark method with its parameters and scores. */
final class JmhResult
{
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    final String benchmarkClass;
    final String method;
    final String params;
    final int threads;
    final double score;
    final double error;
    final String unit;
    /** Bytes allocated per operation, or NaN when the run had no GC profiler. */
    final double bytesPerOp;

    private JmhResult(String benchmark, String params, int threads, double score, double error, String unit,
            double bytesPerOp)
    {
        int dot = benchmark.lastIndexOf('.');
        String owner = benchmark.substring(0, dot);
        this.benchmarkClass = owner.substring(owner.lastIndexOf('.') + 1);
        this.method = benchmark.substring(dot + 1);
        this.params = params;
        this.threads = threads;
        this.score = score;
        this.error = error;
        this.unit = unit;
        this.bytesPerOp = bytesPerOp;
    }

    /** Every result of one JMH JSON file. */
    static List<JmhResult> read(Path file) throws IOException
    {
        List<JmhResult> results = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray())
        {
            return results;
        }
        for (JsonNode run : root)
        {
            StringBuilder params = new StringBuilder();
            JsonNode p = run.path("params");
            for (Map.Entry<String, JsonNode> e : p.properties())
            {
                params.append(params.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
                        .append(e.getValue().asText());
            }
            JsonNode primary = run.path("primaryMetric");
            double bytes = Double.NaN;
            for (Map.Entry<String, JsonNode> e : run.path("secondaryMetrics").properties())
            {
                if (e.getKey().endsWith(ALLOCATION))
                {
                    bytes = e.getValue().path("score").asDouble(Double.NaN);
                }
            }
            results.add(new JmhResult(run.path("benchmark").asText(), params.toString(),
                    run.path("threads").asInt(1), primary.path("score").asDouble(Double.NaN),
                    primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(""), bytes));
        }
        return results;
    }

    /** The chart's label: class, method, parameters. */
    String label()
    {
        return benchmarkClass + "." + method + (params.isEmpty() ? "" : " (" + params + ")");
    }
}
