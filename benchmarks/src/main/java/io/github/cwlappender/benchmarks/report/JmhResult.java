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
    // AdapterAppendBenchmark's counters of the calling thread alone, over the same measured iterations.
    private static final String THREAD_BYTES = "loggingThreadBytes";
    private static final String THREAD_CPU = "loggingThreadCpuNanos";
    private static final String THREAD_CALLS = "loggingThreadCalls";

    final String benchmarkClass;
    final String method;
    final String params;
    final int threads;
    final double score;
    final double error;
    final String unit;
    /** Bytes allocated per operation, or NaN when the run had no GC profiler. */
    final double bytesPerOp;
    /** Bytes the logging thread itself allocated per call, or NaN where the benchmark does not count them. */
    final double threadBytesPerCall;
    /** CPU nanoseconds the logging thread itself used per call, or NaN where the benchmark does not count them. */
    final double threadCpuNanosPerCall;

    private JmhResult(String benchmark, String params, int threads, double score, double error, String unit,
            double bytesPerOp, double threadBytesPerCall, double threadCpuNanosPerCall)
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
        this.threadBytesPerCall = threadBytesPerCall;
        this.threadCpuNanosPerCall = threadCpuNanosPerCall;
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
            JsonNode secondary = run.path("secondaryMetrics");
            double calls = secondary(secondary, THREAD_CALLS);
            results.add(new JmhResult(run.path("benchmark").asText(), params.toString(),
                    run.path("threads").asInt(1), primary.path("score").asDouble(Double.NaN),
                    primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(""),
                    secondary(secondary, ALLOCATION), secondary(secondary, THREAD_BYTES) / calls,
                    secondary(secondary, THREAD_CPU) / calls));
        }
        return results;
    }

    /** The score of the secondary result whose name ends with {@code name} (JMH prefixes some), or NaN. */
    private static double secondary(JsonNode metrics, String name)
    {
        for (Map.Entry<String, JsonNode> e : metrics.properties())
        {
            if (e.getKey().endsWith(name))
            {
                return e.getValue().path("score").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }

    /** The chart's label: class, method, parameters. */
    String label()
    {
        return benchmarkClass + "." + method + (params.isEmpty() ? "" : " (" + params + ")");
    }
}
