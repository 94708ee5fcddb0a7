package io.github.cwlappender.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredNamesTest
{
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();
    private final LocalValues local = new LocalValues(env::get, props::get, null, () -> 0L);
    private final List<String> problems = new ArrayList<>();

    @Test
    void anUnknownTokenStopsTheStartNamingTheOptionAndTheToken()
    {
        assertThatThrownBy(() -> EngineConfig.builder().logGroup("/app/{team}").logStream("{hostname}/{foo}").build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.problems())
                            .anyMatch(p -> p.startsWith("logGroup '/app/{team}': unknown token {team}"))
                            .anyMatch(p -> p.startsWith("logStream '{hostname}/{foo}': unknown token {foo}"));
                });
    }

    @Test
    void theStreamsTokensKnownAtConfigurationAreExpandedAndTheRestStayForTheEngine()
    {
        props.put("app", "billing");

        String stream = ConfiguredNames.logStream("{sysprop:app}/{date}/{ec2:instanceId}", local, problems);

        assertThat(problems).isEmpty();
        assertThat(stream).isEqualTo("billing/{date}/{ec2:instanceId}");
    }

    @Test
    void substitutedValuesLoseWhatAStreamNameMayNotHold()
    {
        env.put("ODD", "a:b*c{date}");

        assertThat(ConfiguredNames.logStream("x-{env:ODD}", local, problems)).isEqualTo("x-a_b_c_date_");
        assertThat(problems).isEmpty();
    }

    @Test
    void theDefaultStreamIsTheHostAndTheJvmStart()
    {
        env.put("HOSTNAME", "web-1");
        assertThat(ConfiguredNames.DEFAULT_LOG_STREAM).isEqualTo(EngineConfig.DEFAULT_LOG_STREAM);

        assertThat(ConfiguredNames.logStream(null, local, problems)).isEqualTo("web-1/19700101T000000Z");
        assertThat(ConfiguredNames.logStream("  ", local, problems)).isEqualTo("web-1/19700101T000000Z");
    }

    @Test
    void illegalLiteralTextIsAnErrorWhileTokensMayHoldColons()
    {
        ConfiguredNames.logStream("a:b", local, problems);
        ConfiguredNames.checkLogGroup("/my group", local, problems);
        ConfiguredNames.checkLogGroup("aws/lambda", local, problems);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("logStream must expand to 1-512 characters without ':' or '*'");
        assertThat(problems.get(1)).startsWith("logGroup must be 1-512 characters of A-Z a-z 0-9 _ - / . #");
        assertThat(problems.get(2)).startsWith("logGroup must be");

        problems.clear();
        ConfiguredNames.checkLogGroup("/app/{env:SERVICE:orders}/{ecs:cluster}", local, problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void aNameThatExpandsToNothingIsAnError()
    {
        ConfiguredNames.logStream("{env:UNSET}", local, problems);
        ConfiguredNames.checkLogGroup("{sysprop:unset}", local, problems);

        assertThat(problems).hasSize(2).allMatch(p -> p.contains("expands to nothing"));
    }

    @Test
    void aLiteralLongerThanTheServiceAllowsIsAnError()
    {
        ConfiguredNames.logStream("s".repeat(513), local, problems);
        ConfiguredNames.checkLogGroup("g".repeat(513), local, problems);

        assertThat(problems).hasSize(2);
    }

    @Test
    void aLongExpansionIsCutTo512Characters()
    {
        env.put("LONG", "v".repeat(600));

        assertThat(ConfiguredNames.logStream("s-{env:LONG}", local, problems)).hasSize(512);
        assertThat(problems).isEmpty();
    }
}
