package io.github.cwlappender.testsupport.fake;

import static io.github.cwlappender.testsupport.fake.FakeFixture.DAY;
import static io.github.cwlappender.testsupport.fake.FakeFixture.GROUP;
import static io.github.cwlappender.testsupport.fake.FakeFixture.STREAM;
import static io.github.cwlappender.testsupport.fake.FakeFixture.at;
import static io.github.cwlappender.testsupport.fake.FakeFixture.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** The endpoint the benchmarks load: as strict as the tests' one, counting what it stores instead of keeping it. */
class CountingServerTest
{
    private final FakeFixture counting = new FakeFixture(StrictCloudWatchLogsServer.startCounting())
            .withGroupAndStream();
    private final FakeFixture keeping = new FakeFixture().withGroupAndStream();

    @AfterEach
    void stop()
    {
        counting.close();
        keeping.close();
    }

    @Test
    void refusesWhatTheKeepingServerRefusesAndCountsOnlyWhatItStores()
    {
        for (FakeFixture fake : List.of(counting, keeping))
        {
            PutLogEventsResponse response = fake.put(at(-15 * DAY, "too old"), at(0, "ascii"), at(1, "caf\u00e9"),
                    at(2, "\u20ac"), at(3, "\ud83d\ude00"));
            assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(1);
            assertThatThrownBy(() -> fake.put(at(5, "later"), at(4, "earlier")))
                    .isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> fake.put(events(10_001, "one too many")))
                    .isInstanceOf(InvalidParameterException.class);
        }

        // 5 + 5 + 3 + 4 UTF-8 bytes; the refused events count nowhere.
        assertThat(counting.server.storedEventCount()).isEqualTo(4).isEqualTo(keeping.server.storedEventCount());
        assertThat(counting.server.storedMessageBytes()).isEqualTo(17)
                .isEqualTo(keeping.server.storedMessageBytes());
        assertThat(counting.server.rejectedEvents(EventRejection.TOO_OLD)).isEqualTo(1);
        assertThat(storedBytesOfTheStream(counting)).isEqualTo(17).isEqualTo(storedBytesOfTheStream(keeping));
    }

    @Test
    void bodiesOfTheFullRequestSizeArriveWhole()
    {
        // 1,048,576 bytes counting 26 per event: the largest request the service takes, read in one piece.
        List<InputLogEvent> events = new ArrayList<>();
        String message = "x".repeat(1_024 - 26);
        for (int i = 0; i < 1_024; i++)
        {
            events.add(at(i, message));
        }

        counting.put(events);

        assertThat(counting.server.storedEventCount()).isEqualTo(1_024);
        assertThat(counting.server.storedMessageBytes()).isEqualTo(1_024L * message.length());
    }

    @Test
    void theEventsThemselvesAreNotKept()
    {
        counting.put(at(0, "counted"));

        assertThatThrownBy(counting.server::storedEvents).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without keeping them");
        assertThatThrownBy(() -> counting.server.storedEvents(GROUP, STREAM))
                .isInstanceOf(IllegalStateException.class);
        assertThat(keeping.put(at(0, "kept")).rejectedLogEventsInfo()).isNull();
        assertThat(keeping.storedMessages()).containsExactly("kept");
    }

    private static long storedBytesOfTheStream(FakeFixture fake)
    {
        LogStream stream = fake.client.describeLogStreams(b -> b.logGroupName(GROUP)).logStreams().get(0);
        return stream.storedBytes();
    }
}
