package io.github.cwlappender.testsupport.fake;

import static io.github.cwlappender.testsupport.fake.FakeFixture.DAY;
import static io.github.cwlappender.testsupport.fake.FakeFixture.HOUR;
import static io.github.cwlappender.testsupport.fake.FakeFixture.NOW;
import static io.github.cwlappender.testsupport.fake.FakeFixture.at;
import static io.github.cwlappender.testsupport.fake.FakeFixture.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Each PutLogEvents rule of the service, through the real SDK client: one request that passes, one that fails. */
class PutLogEventsRulesTest
{
    private static final int MAX_MESSAGE_BYTES = 1_048_550;

    private final FakeFixture fake = new FakeFixture().withGroupAndStream();
    private final StrictCloudWatchLogsServer server = fake.server;

    @AfterEach
    void stop()
    {
        fake.close();
    }

    private void assertRejectedWhole(ThrowingCallable put)
    {
        assertThatThrownBy(put).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).statusCode()).isEqualTo(400));
        assertThat(server.storedEvents()).isEmpty();
        assertThat(server.wholeRequestRejections()).isEqualTo(1);
    }

    @Test
    void acceptsSortedBatch()
    {
        PutLogEventsResponse response = fake.put(at(-2, "a"), at(-1, "b"), at(0, "c"));

        assertThat(response.rejectedLogEventsInfo()).isNull();
        assertThat(fake.storedMessages()).containsExactly("a", "b", "c");
    }

    @Test
    void acceptsEqualTimestamps()
    {
        fake.put(at(0, "a"), at(0, "b"));

        assertThat(fake.storedMessages()).containsExactly("a", "b");
    }

    @Test
    void rejectsUnsortedBatchWhole()
    {
        assertRejectedWhole(() -> fake.put(at(-1, "a"), at(-2, "b"), at(0, "c")));
    }

    @Test
    void acceptsTenThousandEvents()
    {
        fake.put(events(10_000, "x"));

        assertThat(server.storedEvents()).hasSize(10_000);
    }

    @Test
    void rejectsMoreThanTenThousandEventsWhole()
    {
        assertRejectedWhole(() -> fake.put(events(10_001, "x")));
    }

    @Test
    void acceptsSingleEvent()
    {
        fake.put(at(0, "only"));

        assertThat(fake.storedMessages()).containsExactly("only");
    }

    @Test
    void rejectsEmptyBatchWhole()
    {
        assertRejectedWhole(() -> fake.put(Collections.emptyList()));
    }

    @Test
    void acceptsOneCharacterMessage()
    {
        fake.put(at(0, "x"));

        assertThat(fake.storedMessages()).containsExactly("x");
    }

    @Test
    void rejectsEmptyMessageWhole()
    {
        assertRejectedWhole(() -> fake.put(at(0, "a"), at(0, "")));
    }

    @Test
    void acceptsMessageOfExactly1048550Utf8Bytes()
    {
        // 349,516 three-byte characters and two ASCII ones: 1,048,550 bytes.
        String message = "\u20ac".repeat(349_516) + "ab";

        fake.put(at(0, message));

        assertThat(fake.storedMessages()).containsExactly(message);
    }

    @Test
    void rejectsMessageOver1048550Utf8BytesWhole()
    {
        String message = "\u20ac".repeat(349_516) + "abc";

        assertRejectedWhole(() -> fake.put(at(0, message)));
    }

    @Test
    void countsUtf8BytesPlus26PerEvent()
    {
        // Four events of 262,118 UTF-8 bytes each (87,372 x 3 + 2) plus 4 x 26 = 1,048,576 exactly.
        String message = "\u20ac".repeat(87_372) + "\u00e9";

        fake.put(at(0, message), at(0, message), at(0, message), at(0, message));

        assertThat(server.storedEvents()).hasSize(4);
    }

    @Test
    void rejectsBatchOneByteOverOneMebibyteWhole()
    {
        String message = "\u20ac".repeat(87_372) + "\u00e9";

        assertRejectedWhole(() -> fake.put(at(0, message), at(0, message), at(0, message), at(0, message + "x")));
    }

    @Test
    void countsTheOverheadEvenWhenMessagesAloneFit()
    {
        // 10,000 messages of 80 bytes are 800,000 bytes; with 26 each the request is 1,060,000 bytes.
        assertRejectedWhole(() -> fake.put(events(10_000, "y".repeat(80))));
    }

    @Test
    void countsSupplementaryCharactersAsFourBytes()
    {
        String emoji = new String(Character.toChars(0x1F680));
        String message = emoji.repeat(262_137) + "ab";

        fake.put(at(0, message));

        assertThat(fake.storedMessages()).containsExactly(message);
        assertThatThrownBy(() -> fake.put(at(0, message + "c"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void acceptsSpanOfExactly24Hours()
    {
        fake.put(at(-24 * HOUR, "first"), at(0, "last"));

        assertThat(fake.storedMessages()).containsExactly("first", "last");
    }

    @Test
    void rejectsSpanOver24HoursWhole()
    {
        assertRejectedWhole(() -> fake.put(at(-24 * HOUR - 1, "first"), at(0, "last")));
    }

    @Test
    void spanIgnoresTooOldEvents()
    {
        PutLogEventsResponse response = fake.put(at(-15 * DAY, "too old"), at(0, "kept"));

        assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        assertThat(fake.storedMessages()).containsExactly("kept");
    }

    @Test
    void spanIgnoresTooNewEvents()
    {
        PutLogEventsResponse response = fake.put(at(-23 * HOUR, "kept"), at(3 * HOUR, "too new"));

        assertThat(response.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
        assertThat(fake.storedMessages()).containsExactly("kept");
    }

    @Test
    void spanIgnoresExpiredEvents()
    {
        fake.client.putRetentionPolicy(b -> b.logGroupName(FakeFixture.GROUP).retentionInDays(1));

        PutLogEventsResponse response = fake.put(at(-2 * DAY, "expired"), at(0, "kept"));

        assertThat(response.rejectedLogEventsInfo().expiredLogEventEndIndex()).isEqualTo(1);
        assertThat(fake.storedMessages()).containsExactly("kept");
    }

    @Test
    void reportsTooOldPrefixInRejectedInfo()
    {
        PutLogEventsResponse response = fake.put(at(-15 * DAY, "old 1"), at(-14 * DAY - 1, "old 2"),
                at(-HOUR, "an hour ago"), at(0, "now"));

        RejectedLogEventsInfo info = response.rejectedLogEventsInfo();
        assertThat(info.tooOldLogEventEndIndex()).isEqualTo(2);
        assertThat(info.tooNewLogEventStartIndex()).isNull();
        assertThat(info.expiredLogEventEndIndex()).isNull();
        assertThat(fake.storedMessages()).containsExactly("an hour ago", "now");
        assertThat(server.rejectedEvents(EventRejection.TOO_OLD)).isEqualTo(2);
    }

    @Test
    void acceptsEventExactly14DaysOld()
    {
        PutLogEventsResponse response = fake.put(at(-14 * DAY, "borderline"));

        assertThat(response.rejectedLogEventsInfo()).isNull();
        assertThat(fake.storedMessages()).containsExactly("borderline");
    }

    @Test
    void reportsTooNewSuffixInRejectedInfo()
    {
        PutLogEventsResponse response = fake.put(at(0, "now"), at(2 * HOUR, "exactly 2 hours"),
                at(2 * HOUR + 1, "new 1"), at(3 * HOUR, "new 2"));

        RejectedLogEventsInfo info = response.rejectedLogEventsInfo();
        assertThat(info.tooNewLogEventStartIndex()).isEqualTo(2);
        assertThat(info.tooOldLogEventEndIndex()).isNull();
        assertThat(fake.storedMessages()).containsExactly("now", "exactly 2 hours");
        assertThat(server.rejectedEvents(EventRejection.TOO_NEW)).isEqualTo(2);
    }

    @Test
    void acceptsEventExactly2HoursAhead()
    {
        PutLogEventsResponse response = fake.put(at(2 * HOUR, "borderline"));

        assertThat(response.rejectedLogEventsInfo()).isNull();
        assertThat(fake.storedMessages()).containsExactly("borderline");
    }

    @Test
    void reportsExpiredPrefixForGroupRetention()
    {
        fake.client.putRetentionPolicy(b -> b.logGroupName(FakeFixture.GROUP).retentionInDays(1));

        PutLogEventsResponse response = fake.put(at(-2 * DAY, "expired 1"), at(-DAY - 1, "expired 2"),
                at(-DAY, "exactly 1 day"), at(0, "now"));

        RejectedLogEventsInfo info = response.rejectedLogEventsInfo();
        assertThat(info.expiredLogEventEndIndex()).isEqualTo(2);
        assertThat(info.tooOldLogEventEndIndex()).isNull();
        assertThat(fake.storedMessages()).containsExactly("exactly 1 day", "now");
        assertThat(server.rejectedEvents(EventRejection.EXPIRED)).isEqualTo(2);
    }

    @Test
    void acceptsOldEventsWhenGroupKeepsThemForever()
    {
        PutLogEventsResponse response = fake.put(at(-13 * DAY, "old but within 14 days"));

        assertThat(response.rejectedLogEventsInfo()).isNull();
        assertThat(fake.storedMessages()).containsExactly("old but within 14 days");
    }

    @Test
    void reportsEachRejectionKindInOneRequest()
    {
        fake.client.putRetentionPolicy(b -> b.logGroupName(FakeFixture.GROUP).retentionInDays(3));

        PutLogEventsResponse response = fake.put(at(-20 * DAY, "too old"), at(-5 * DAY, "expired"),
                at(0, "kept"), at(5 * HOUR, "too new"));

        RejectedLogEventsInfo info = response.rejectedLogEventsInfo();
        assertThat(info.tooOldLogEventEndIndex()).isEqualTo(1);
        assertThat(info.expiredLogEventEndIndex()).isEqualTo(2);
        assertThat(info.tooNewLogEventStartIndex()).isEqualTo(3);
        assertThat(fake.storedMessages()).containsExactly("kept");
    }

    @Test
    void judgesAgeByTheServerClock()
    {
        InputLogEvent event = at(0, "stamped now");
        server.setClock(Clock.fixed(Instant.ofEpochMilli(NOW + 15 * DAY), ZoneOffset.UTC));

        PutLogEventsResponse response = fake.put(event);

        assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
        assertThat(server.storedEvents()).isEmpty();
    }

    @Test
    void rejectsNegativeTimestampWhole()
    {
        assertRejectedWhole(() -> fake.put(InputLogEvent.builder().timestamp(-1L).message("m").build()));
    }

    @Test
    void rejectsPutToMissingLogStream()
    {
        assertThatThrownBy(() -> fake.client.putLogEvents(b -> b.logGroupName(FakeFixture.GROUP)
                .logStreamName("no-such-stream").logEvents(at(0, "m"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("log stream does not exist");
    }

    @Test
    void rejectsPutToMissingLogGroup()
    {
        assertThatThrownBy(() -> fake.client.putLogEvents(b -> b.logGroupName("/no/such/group")
                .logStreamName(FakeFixture.STREAM).logEvents(at(0, "m"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("log group does not exist");
    }

    @Test
    void ignoresSequenceToken()
    {
        fake.client.putLogEvents(b -> b.logGroupName(FakeFixture.GROUP).logStreamName(FakeFixture.STREAM)
                .sequenceToken("49590000000000000000000000000000000000000000000000000000").logEvents(at(0, "m")));

        assertThat(fake.storedMessages()).containsExactly("m");
    }

    @Test
    void countsMessagesWithLoneSurrogates()
    {
        fake.put(at(0, "broken \uD800 high"), at(0, "broken \uDC00 low"), at(0, "fine"));

        assertThat(server.invalidUtf16Messages()).isEqualTo(2);
        assertThat(fake.storedMessages()).containsExactly("broken \uD800 high", "broken \uDC00 low", "fine");
    }

    @Test
    void countsNoInvalidMessagesForSurrogatePairs()
    {
        String text = "rocket \uD83D\uDE80 and accents \u00e9\u20ac";

        fake.put(at(0, text));

        assertThat(server.invalidUtf16Messages()).isZero();
        assertThat(fake.storedMessages()).containsExactly(text);
    }

    @Test
    void reportsInvalidEntityWithoutRejectingEvents()
    {
        PutLogEventsResponse response = fake.client.putLogEvents(b -> b.logGroupName(FakeFixture.GROUP)
                .logStreamName(FakeFixture.STREAM).logEvents(at(0, "m"))
                .entity(e -> e.keyAttributes(Map.of("Type", "Service"))));

        assertThat(response.rejectedEntityInfo().errorTypeAsString()).isEqualTo("InvalidKeyAttributes");
        assertThat(fake.storedMessages()).containsExactly("m");
    }

    @Test
    void acceptsValidEntity()
    {
        PutLogEventsResponse response = fake.client.putLogEvents(b -> b.logGroupName(FakeFixture.GROUP)
                .logStreamName(FakeFixture.STREAM).logEvents(at(0, "m"))
                .entity(e -> e.keyAttributes(Map.of("Type", "Service", "Name", "checkout", "Environment", "prod"))));

        assertThat(response.rejectedEntityInfo()).isNull();
        assertThat(fake.storedMessages()).containsExactly("m");
    }

    @Test
    void storesNothingFromARejectedRequest()
    {
        List<InputLogEvent> unsorted = List.of(at(0, "b"), at(-1, "a"));
        assertThatThrownBy(() -> fake.put(unsorted)).isInstanceOf(InvalidParameterException.class);

        fake.put(at(0, "after"));

        assertThat(fake.storedMessages()).containsExactly("after");
        assertThat(server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS, StrictCloudWatchLogsServer.OK))
                .isEqualTo(1);
    }
}
