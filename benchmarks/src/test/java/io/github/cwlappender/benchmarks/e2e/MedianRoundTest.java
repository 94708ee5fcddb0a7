package io.github.cwlappender.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianRoundTest
{
    private static DeliveryResult run(long eventsPerSecond)
    {
        DeliveryResult r = new DeliveryResult();
        r.kind = SystemKind.OURS_LOGBACK;
        r.storedInTime = eventsPerSecond * 2;
        r.seconds = 2.0;
        return r;
    }

    @Test
    void theMedianRoundStandsForTheSystemAndCarriesEveryRoundInTheOrderTheyRan()
    {
        List<DeliveryResult> rounds = new ArrayList<>(List.of(run(300_000), run(100_000), run(250_000)));

        DeliveryResult chosen = MedianRound.of(rounds);

        assertThat(chosen).isSameAs(rounds.get(2));
        assertThat(chosen.roundsEventsPerSecond).containsExactly(300_000.0, 100_000.0, 250_000.0);
        assertThat(chosen.toTsv()).endsWith("\t300000 100000 250000");
    }

    @Test
    void ofTwoRoundsTheSlowerStandsAndOneRoundIsItselfWithoutAList()
    {
        List<DeliveryResult> two = List.of(run(200_000), run(180_000));
        assertThat(MedianRound.of(two)).isSameAs(two.get(1));

        DeliveryResult only = run(90_000);
        assertThat(MedianRound.of(List.of(only))).isSameAs(only);
        assertThat(only.roundsEventsPerSecond).isEmpty();
        assertThat(only.toTsv()).endsWith("\t");
    }
}
