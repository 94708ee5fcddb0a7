package io.github.cwlappender.testsupport.fake;

import static io.github.cwlappender.testsupport.fake.FakeFixture.GROUP;
import static io.github.cwlappender.testsupport.fake.FakeFixture.STREAM;
import static io.github.cwlappender.testsupport.fake.FakeFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Creating, naming, configuring and deleting log groups and log streams, through the real SDK client. */
class LogGroupsAndStreamsTest
{
    private final FakeFixture fake = new FakeFixture();
    private final StrictCloudWatchLogsServer server = fake.server;

    @AfterEach
    void stop()
    {
        fake.close();
    }

    private void createGroup(String name)
    {
        fake.client.createLogGroup(b -> b.logGroupName(name));
    }

    private void createStream(String group, String name)
    {
        fake.client.createLogStream(b -> b.logGroupName(group).logStreamName(name));
    }

    @Test
    void createsLogGroupAndLogStream()
    {
        createGroup(GROUP);
        createStream(GROUP, STREAM);

        assertThat(server.hasLogStream(GROUP, STREAM)).isTrue();
        assertThat(fake.client.describeLogStreams(b -> b.logGroupName(GROUP)).logStreams())
                .extracting(s -> s.logStreamName()).containsExactly(STREAM);
    }

    @Test
    void rejectsDuplicateLogGroupWithAlreadyExists()
    {
        createGroup(GROUP);

        assertThatThrownBy(() -> createGroup(GROUP)).isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void rejectsDuplicateLogStreamWithAlreadyExists()
    {
        createGroup(GROUP);
        createStream(GROUP, STREAM);

        assertThatThrownBy(() -> createStream(GROUP, STREAM)).isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    void rejectsLogStreamInMissingGroupWithNotFound()
    {
        assertThatThrownBy(() -> createStream("/missing", STREAM)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void acceptsLogGroupNameOfEveryAllowedCharacterUpTo512()
    {
        String name = ("/Az09_-.#").repeat(57).substring(0, 512);

        createGroup(name);

        assertThat(server.hasLogGroup(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "colon:", "star*", "dollar$", "\u00e9t\u00e9", "aws/reserved"})
    void rejectsLogGroupNameOutsideTheAllowedCharacters(String name)
    {
        assertThatThrownBy(() -> createGroup(name)).isInstanceOf(InvalidParameterException.class);
        assertThat(server.hasLogGroup(name)).isFalse();
    }

    @Test
    void acceptsLogGroupNameStartingWithAwsButNoSlash()
    {
        createGroup("aws-team/service");

        assertThat(server.hasLogGroup("aws-team/service")).isTrue();
    }

    @Test
    void rejectsLogGroupNameLongerThan512()
    {
        assertThatThrownBy(() -> createGroup("g".repeat(513))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsEmptyLogGroupName()
    {
        assertThatThrownBy(() -> createGroup("")).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void acceptsLogStreamNameOfAnyCharacterButColonAndStarUpTo512()
    {
        createGroup(GROUP);
        String name = "host 1/\u00e9t\u00e9 [2026-03-01] #\uD83D\uDE80".repeat(20).substring(0, 512);

        createStream(GROUP, name);

        assertThat(server.hasLogStream(GROUP, name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"with:colon", "with*star", ""})
    void rejectsLogStreamNameWithColonStarOrNothing(String name)
    {
        createGroup(GROUP);

        assertThatThrownBy(() -> createStream(GROUP, name)).isInstanceOf(InvalidParameterException.class);
        assertThat(server.hasLogStream(GROUP, name)).isFalse();
    }

    @Test
    void rejectsLogStreamNameLongerThan512()
    {
        createGroup(GROUP);

        assertThatThrownBy(() -> createStream(GROUP, "s".repeat(513))).isInstanceOf(InvalidParameterException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
            3288, 3653})
    void acceptsEveryAllowedRetention(int days)
    {
        createGroup(GROUP);

        fake.client.putRetentionPolicy(b -> b.logGroupName(GROUP).retentionInDays(days));

        assertThat(server.retentionDays(GROUP)).isEqualTo(days);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4, 10, 366, 3654, -1})
    void rejectsRetentionOutsideTheAllowedList(int days)
    {
        createGroup(GROUP);

        assertThatThrownBy(() -> fake.client.putRetentionPolicy(b -> b.logGroupName(GROUP).retentionInDays(days)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(server.retentionDays(GROUP)).isNull();
    }

    @Test
    void rejectsRetentionForMissingGroup()
    {
        assertThatThrownBy(() -> fake.client.putRetentionPolicy(b -> b.logGroupName(GROUP).retentionInDays(7)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void acceptsKnownLogGroupClass()
    {
        fake.client.createLogGroup(b -> b.logGroupName(GROUP).logGroupClass("INFREQUENT_ACCESS"));

        assertThat(server.hasLogGroup(GROUP)).isTrue();
    }

    @Test
    void rejectsUnknownLogGroupClass()
    {
        assertThatThrownBy(() -> fake.client.createLogGroup(b -> b.logGroupName(GROUP).logGroupClass("COLD")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void acceptsFiftyTags()
    {
        fake.client.createLogGroup(b -> b.logGroupName(GROUP).tags(tags(50)));

        assertThat(server.hasLogGroup(GROUP)).isTrue();
    }

    @Test
    void rejectsMoreThanFiftyTags()
    {
        assertThatThrownBy(() -> fake.client.createLogGroup(b -> b.logGroupName(GROUP).tags(tags(51))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:reserved", "bad!char", ""})
    void rejectsInvalidTagKey(String key)
    {
        assertThatThrownBy(() -> fake.client.createLogGroup(b -> b.logGroupName(GROUP).tags(Map.of(key, "v"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    private static Map<String, String> tags(int count)
    {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < count; i++)
        {
            tags.put("team:key-" + i, "value @" + i);
        }
        return tags;
    }

    @Test
    void deletedLogStreamRefusesPuts()
    {
        fake.withGroupAndStream();

        fake.client.deleteLogStream(b -> b.logGroupName(GROUP).logStreamName(STREAM));

        assertThatThrownBy(() -> fake.put(at(0, "m"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletingMissingLogStreamFailsWithNotFound()
    {
        createGroup(GROUP);

        assertThatThrownBy(() -> fake.client.deleteLogStream(b -> b.logGroupName(GROUP).logStreamName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletedLogGroupTakesItsStreamsAlong()
    {
        fake.withGroupAndStream();

        fake.client.deleteLogGroup(b -> b.logGroupName(GROUP));

        assertThat(server.hasLogGroup(GROUP)).isFalse();
        assertThat(server.hasLogStream(GROUP, STREAM)).isFalse();
    }

    @Test
    void describeLogStreamsFiltersByPrefixAndPages()
    {
        createGroup(GROUP);
        for (String name : new String[] {"app-1", "app-2", "app-3", "web-1"})
        {
            createStream(GROUP, name);
        }

        var first = fake.client.describeLogStreams(b -> b.logGroupName(GROUP).logStreamNamePrefix("app-").limit(2));
        var second = fake.client.describeLogStreams(b -> b.logGroupName(GROUP).logStreamNamePrefix("app-").limit(2)
                .nextToken(first.nextToken()));

        assertThat(first.logStreams()).extracting(s -> s.logStreamName()).containsExactly("app-1", "app-2");
        assertThat(second.logStreams()).extracting(s -> s.logStreamName()).containsExactly("app-3");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void describeLogStreamsReportsEventTimes()
    {
        fake.withGroupAndStream();
        fake.put(at(-5, "a"), at(-1, "b"));

        var stream = fake.client.describeLogStreams(b -> b.logGroupName(GROUP)).logStreams().get(0);

        assertThat(stream.firstEventTimestamp()).isEqualTo(FakeFixture.NOW - 5);
        assertThat(stream.lastEventTimestamp()).isEqualTo(FakeFixture.NOW - 1);
    }
}
