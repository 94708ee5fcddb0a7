package io.github.cwlappender.testsupport.fake;

import static io.github.cwlappender.testsupport.fake.FakeFixture.GROUP;
import static io.github.cwlappender.testsupport.fake.FakeFixture.STREAM;
import static io.github.cwlappender.testsupport.fake.FakeFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** GetLogEvents, the record of stored events and the request counts. */
class ReadingBackTest
{
    private final FakeFixture fake = new FakeFixture().withGroupAndStream();
    private final StrictCloudWatchLogsServer server = fake.server;

    @AfterEach
    void stop()
    {
        fake.close();
    }

    @Test
    void getLogEventsReturnsEventsByTimestampAcrossPuts()
    {
        fake.put(at(-1, "second"), at(5, "fourth"));
        fake.put(at(-2, "first"), at(3, "third"));

        GetLogEventsResponse response = fake.client.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM)
                .startFromHead(true));

        assertThat(response.events()).extracting(OutputLogEvent::message)
                .containsExactly("first", "second", "third", "fourth");
        assertThat(response.events()).allMatch(e -> e.ingestionTime() == FakeFixture.NOW);
    }

    @Test
    void forwardTokensPageThroughAndRepeatAtTheEnd()
    {
        fake.put(at(0, "a"), at(1, "b"), at(2, "c"), at(3, "d"), at(4, "e"));
        List<String> read = new ArrayList<>();
        String token = null;
        int pages = 0;
        while (true)
        {
            String sent = token;
            GetLogEventsResponse page = fake.client.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM)
                    .startFromHead(true).limit(2).nextToken(sent));
            page.events().forEach(e -> read.add(e.message()));
            token = page.nextForwardToken();
            pages++;
            if (token.equals(sent))
            {
                break;
            }
        }

        assertThat(read).containsExactly("a", "b", "c", "d", "e");
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void withoutStartFromHeadReturnsTheNewestEvents()
    {
        fake.put(at(0, "a"), at(1, "b"), at(2, "c"));

        GetLogEventsResponse page = fake.client.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM)
                .limit(2));

        assertThat(page.events()).extracting(OutputLogEvent::message).containsExactly("b", "c");
    }

    @Test
    void getLogEventsFiltersByTimeRange()
    {
        fake.put(at(0, "a"), at(1, "b"), at(2, "c"));

        GetLogEventsResponse page = fake.client.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM)
                .startFromHead(true).startTime(FakeFixture.NOW + 1).endTime(FakeFixture.NOW + 2));

        assertThat(page.events()).extracting(OutputLogEvent::message).containsExactly("b");
    }

    @Test
    void rejectsForeignNextToken()
    {
        assertThatThrownBy(() -> fake.client.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM)
                .nextToken("x/123"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void returnsMessagesExactlyAsStored()
    {
        String text = "caf\u00e9 \u20ac \uD83D\uDE80 \"quoted\" \\ tab\t newline\n end";
        fake.put(at(0, text));

        GetLogEventsResponse page = fake.client.getLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM)
                .startFromHead(true));

        assertThat(page.events()).extracting(OutputLogEvent::message).containsExactly(text);
    }

    @Test
    void recordsStoredEventsInArrivalOrderAcrossStreams()
    {
        server.createLogStream(GROUP, "other");
        fake.put(at(5, "one"));
        fake.client.putLogEvents(b -> b.logGroupName(GROUP).logStreamName("other").logEvents(at(0, "two")));
        fake.put(at(1, "three"));

        assertThat(server.storedEvents()).extracting(StoredEvent::message).containsExactly("one", "two", "three");
        assertThat(server.storedEvents()).extracting(StoredEvent::arrival).containsExactly(1L, 2L, 3L);
        assertThat(server.storedEvents(GROUP, "other")).singleElement()
                .satisfies(e -> assertThat(e.timestamp()).isEqualTo(FakeFixture.NOW))
                .satisfies(e -> assertThat(e.logStream()).isEqualTo("other"));
    }

    @Test
    void directSetUpRefusesWhatTheServiceWouldRefuse()
    {
        assertThatThrownBy(() -> server.createLogGroup("aws/reserved")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("InvalidParameterException");
        assertThatThrownBy(() -> server.createLogStream("/missing", "s")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ResourceNotFoundException");
        assertThatThrownBy(() -> server.createLogStream(GROUP, STREAM)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ResourceAlreadyExistsException");
    }

    @Test
    void countsRequestsByOperationAndOutcome()
    {
        fake.put(at(0, "ok"));
        assertThatThrownBy(() -> fake.put(at(1, "b"), at(0, "a"))).isInstanceOf(InvalidParameterException.class);

        assertThat(server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS)).isEqualTo(2);
        assertThat(server.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS, StrictCloudWatchLogsServer.OK))
                .isEqualTo(1);
        assertThat(server.wholeRequestRejections()).isEqualTo(1);
        assertThat(server.requestCounts()).containsEntry("CreateLogGroup OK", 1L)
                .containsEntry("PutLogEvents InvalidParameterException", 1L);
    }
}
