package io.github.cwlappender.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks, from one system's rounds, the run that stands for it: the median by events/s (the lower middle one of an
 * even count), so that one run slowed by something else on the machine neither lifts nor sinks a row. It carries
 * every round's events/s, in the order they ran, for the report.
 */
final class MedianRound
{
    private MedianRound()
    {
    }

    static DeliveryResult of(List<DeliveryResult> rounds)
    {
        List<DeliveryResult> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(DeliveryResult::eventsPerSecond));
        DeliveryResult median = sorted.get((sorted.size() - 1) / 2);
        if (rounds.size() > 1)
        {
            List<Double> each = new ArrayList<>();
            rounds.forEach(r -> each.add(r.eventsPerSecond()));
            median.roundsEventsPerSecond = each;
        }
        return median;
    }
}
