package io.github.cwlappender.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;

/** One system through an outage: one line of {@code outage.tsv}. Heap figures are bytes used after a full GC. */
final class OutageResult
{
    static final String HEADER = String.join("\t", "system", "label", "outage_s", "rate_per_s", "logged", "stored",
            "lost", "heap_before", "heap_max", "heap_end_of_outage", "heap_after_recovery", "heap_samples",
            "own_report", "error");

    SystemKind kind;
    int outageSeconds;
    int rate;
    long logged;
    long stored;
    long heapBefore;
    long heapEndOfOutage;
    long heapAfterRecovery;
    final List<Long> heapSamples = new ArrayList<>();
    String ownReport = "";
    String error = "";

    long lost()
    {
        return Math.max(0, logged - stored);
    }

    long heapMax()
    {
        long max = heapBefore;
        for (long sample : heapSamples)
        {
            max = Math.max(max, sample);
        }
        return Math.max(max, heapEndOfOutage);
    }

    boolean failed()
    {
        return !error.isEmpty();
    }

    String toTsv()
    {
        StringBuilder samples = new StringBuilder();
        for (long sample : heapSamples)
        {
            samples.append(samples.length() == 0 ? "" : ",").append(sample);
        }
        return String.join("\t", kind.id(), kind.label, Integer.toString(outageSeconds), Integer.toString(rate),
                Long.toString(logged), Long.toString(stored), Long.toString(lost()), Long.toString(heapBefore),
                Long.toString(heapMax()), Long.toString(heapEndOfOutage), Long.toString(heapAfterRecovery),
                samples.toString(), DeliveryResult.clean(ownReport), DeliveryResult.clean(error));
    }
}
