package io.github.cwlappender.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest
{
    @Test
    void defaultsMeasureEverySystemAndTheOutageOfOursBesideKdgregory()
    {
        Settings s = Settings.parse(new String[0]);

        assertThat(s.events).isEqualTo(1_000_000);
        assertThat(s.warmupEvents).isEqualTo(3_000_000);
        assertThat(s.rounds).isEqualTo(1);
        assertThat(s.endpointWarmupRounds).isEqualTo(7);
        assertThat(s.systems).containsExactly(SystemKind.values());
        assertThat(s.outageSystems).containsExactly(SystemKind.OURS_LOGBACK, SystemKind.KDGREGORY_DEFAULT);
        assertThat(s.outageSeconds).isEqualTo(60);
    }

    @Test
    void optionsChooseSizesAndSystems()
    {
        Settings s = Settings.parse(new String[] {"--events", "20_000", "--systems", "ceiling,pjer-tuned",
            "--outage-systems", "none", "--outage-seconds", "3", "--rounds", "3", "--endpoint-warmup-rounds", "0"});

        assertThat(s.events).isEqualTo(20_000);
        assertThat(s.warmupEvents).isEqualTo(60_000);
        assertThat(s.systems).isEqualTo(List.of(SystemKind.CEILING, SystemKind.PJER_TUNED));
        assertThat(s.outageSystems).isEmpty();
        assertThat(s.outageSeconds).isEqualTo(3);
        assertThat(s.rounds).isEqualTo(3);
        assertThat(s.endpointWarmupRounds).isZero();
    }

    @Test
    void anUnknownSystemOrOptionIsRefusedWithTheKnownOnes()
    {
        assertThatThrownBy(() -> Settings.parse(new String[] {"--systems", "watchtower"}))
                .hasMessageContaining("ours-logback");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--speed", "1"})).hasMessageContaining("usage");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--rounds", "0"})).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--endpoint-warmup-rounds", "-1"}))
                .hasMessageContaining("at least 0");
    }
}
