package io.github.cwlappender.benchmarks.e2e;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.RejectReason;
import java.util.LinkedHashMap;
import java.util.Map;

/** Our engine's books as report entries: every nonzero drop and rejection reason by name. */
final class OurStatistics
{
    private OurStatistics()
    {
    }

    static Map<String, Long> asMap(EngineStatistics stats)
    {
        Map<String, Long> report = new LinkedHashMap<>();
        if (stats == null)
        {
            return report;
        }
        report.put("accepted", stats.accepted());
        report.put("delivered", stats.delivered());
        for (Map.Entry<DropReason, Long> e : stats.droppedByReason().entrySet())
        {
            if (e.getValue() > 0)
            {
                report.put("dropped." + e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<RejectReason, Long> e : stats.rejectedByReason().entrySet())
        {
            if (e.getValue() > 0)
            {
                report.put("rejected." + e.getKey(), e.getValue());
            }
        }
        report.put("batchesSent", stats.batchesSent());
        report.put("retries", stats.retries());
        return report;
    }
}
