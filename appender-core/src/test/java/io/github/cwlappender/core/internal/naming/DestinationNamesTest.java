package io.github.cwlappender.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run-time names without any metadata endpoint: nothing here opens a connection. */
class DestinationNamesTest
{
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T23:59:59.500Z"));

    private DestinationNames names(String group, String stream)
    {
        LocalValues local = new LocalValues(env::get, props::get, null, () -> 0L);
        // No IMDS endpoint and no ECS URI: as off AWS with instance metadata disabled.
        NameSources sources = new NameSources(clock, local, env::get, null, null, 1000, 2000);
        return new DestinationNames(group, stream, sources, problems::add);
    }

    @Test
    void dateIsTheUtcDayOfEachBatchAndRollsOverAtMidnight()
    {
        DestinationNames names = names("/app/{date}", "web-1/{date}");
        names.resolve();

        LogDestination before = names.current();
        clock.now = Instant.parse("2026-11-25T00:00:00.001Z");
        LogDestination after = names.current();

        assertThat(before).isEqualTo(new LogDestination("/app/2026-11-24", "web-1/2026-11-24"));
        assertThat(after).isEqualTo(new LogDestination("/app/2026-11-25", "web-1/2026-11-25"));
        assertThat(names.current()).as("the same day reuses its names").isSameAs(after);
    }

    @Test
    void dateIgnoresTheMachinesTimeZone()
    {
        DestinationNames names = names("/app", "{date}");
        clock.zone = ZoneId.of("Pacific/Kiritimati");

        assertThat(names.current().logStream()).isEqualTo("2026-11-24");
    }

    @Test
    void theGroupsTokensAreExpandedAtRunTimeAndSanitized()
    {
        props.put("team", "pay ments");

        LogDestination where = names("/{sysprop:team}/{sysprop:unset:orders}", "s").current();

        assertThat(where.logGroup()).isEqualTo("/pay_ments/orders");
    }

    @Test
    void metadataTokensTakeTheirFallbacksAndSayWhyWhenNoSourceIsThere()
    {
        DestinationNames names = names("/app/{ecs:cluster}",
                "{ec2:instanceId}/{ecs:taskId}/{ecs:containerName}/{aws:accountId}/{ec2:region}");
        assertThat(names.needsLookUps()).isTrue();

        LogDestination where = names.current();

        assertThat(where.logGroup()).isEqualTo("/app/unknown-cluster");
        assertThat(where.logStream())
                .isEqualTo("unknown-instance/unknown-task/unknown-container/unknown-account/unknown-region");
        assertThat(problems).hasSize(6).anyMatch(p -> p.startsWith("{ecs:taskId} could not be read (not on ECS"))
                .anyMatch(p -> p.startsWith("{ec2:instanceId} could not be read (instance metadata is disabled"));
    }

    @Test
    void regionFallsBackToTheSdksRegionVariableOffEc2()
    {
        env.put("AWS_REGION", "eu-west-1");

        assertThat(names("/app", "{ec2:region}").current().logStream()).isEqualTo("eu-west-1");
        assertThat(problems).isEmpty();
    }

    @Test
    void aVariableThatMayNotBeReadTakesItsDefault()
    {
        LocalValues refusing = new LocalValues(name -> {
            throw new SecurityException("getenv." + name + " denied");
        }, props::get, null, () -> 0L);
        NameSources sources = new NameSources(clock, refusing, env::get, null, null, 1000, 2000);

        LogDestination where = new DestinationNames("/app/{env:TEAM:core}", "s", sources, problems::add).current();

        assertThat(where.logGroup()).isEqualTo("/app/core");
        assertThat(problems).singleElement().asString().contains("getenv.TEAM denied");
    }

    @Test
    void namesWithoutMetadataTokensNeedNoLookUps()
    {
        assertThat(names("/app/{date}", "{hostname}-{date}").needsLookUps()).isFalse();
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock
    {
        volatile Instant now;
        volatile ZoneId zone = ZoneOffset.UTC;

        MovableClock(Instant now)
        {
            this.now = now;
        }

        @Override
        public ZoneId getZone()
        {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other)
        {
            MovableClock c = new MovableClock(now);
            c.zone = other;
            return c;
        }

        @Override
        public Instant instant()
        {
            return now;
        }
    }
}
