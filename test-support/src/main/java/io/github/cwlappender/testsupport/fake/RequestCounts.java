package io.github.cwlappender.testsupport.fake;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many requests the fake answered, by operation and outcome ("OK", an error code, "ConnectionReset", ...). */
final class RequestCounts
{
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    void add(String operation, String outcome)
    {
        counts.computeIfAbsent(operation, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, k -> new LongAdder())
                .increment();
    }

    long get(String operation, String outcome)
    {
        Map<String, LongAdder> byOutcome = counts.get(operation);
        LongAdder n = byOutcome == null ? null : byOutcome.get(outcome);
        return n == null ? 0 : n.sum();
    }

    long get(String operation)
    {
        Map<String, LongAdder> byOutcome = counts.get(operation);
        long total = 0;
        if (byOutcome != null)
        {
            for (LongAdder n : byOutcome.values())
            {
                total += n.sum();
            }
        }
        return total;
    }

    /** "Operation Outcome" to count, sorted, for assertions and failure messages. */
    Map<String, Long> snapshot()
    {
        Map<String, Long> all = new TreeMap<>();
        counts.forEach((operation, byOutcome) -> byOutcome.forEach((outcome, n) -> all.put(operation + " " + outcome,
                n.sum())));
        return all;
    }
}
