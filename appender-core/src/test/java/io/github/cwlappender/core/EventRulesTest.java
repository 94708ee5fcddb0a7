package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventRulesTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void emptyMessagesAreDroppedAndCountedNeverSent()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();
        engine.append(now, "");
        engine.append(now, null);
        engine.append(now, "kept");

        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("kept");
        assertThat(engine.statistics().dropped(DropReason.EMPTY)).isEqualTo(2);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void eventsOutsideTheServiceTimeWindowAreRejectedBeforeSending()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();
        engine.append(now - TimeUnit.DAYS.toMillis(15), "two weeks old");
        engine.append(-5, "negative timestamp");
        engine.append(now + TimeUnit.HOURS.toMillis(3), "from the future");
        engine.append(now - TimeUnit.DAYS.toMillis(13), "thirteen days old");
        engine.append(now + TimeUnit.HOURS.toMillis(1), "an hour ahead");

        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactlyInAnyOrder("thirteen days old", "an hour ahead");
        EngineStatistics stats = engine.statistics();
        assertThat(stats.rejected(RejectReason.TOO_OLD)).isEqualTo(2);
        assertThat(stats.rejected(RejectReason.TOO_NEW)).isEqualTo(1);
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void eventsOlderThanTheConfiguredRetentionAreRejectedAsExpired()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).retentionDays(3).build(),
                status);
        long now = System.currentTimeMillis();
        engine.append(now - TimeUnit.DAYS.toMillis(4), "older than retention");
        engine.append(now - TimeUnit.DAYS.toMillis(2), "within retention");

        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("within retention");
        assertThat(engine.statistics().rejected(RejectReason.EXPIRED)).isEqualTo(1);
    }

    @Test
    void oversizeEventsAreTruncatedByDefaultToTheServiceLimit()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);

        engine.append(System.currentTimeMillis(), "z".repeat(2 * 1024 * 1024));
        engine.stop(Duration.ofSeconds(10));

        assertThat(client.storedMessages()).singleElement()
                .satisfies(m -> assertThat(utf8Length(m)).isEqualTo(EngineConfig.SERVICE_MAX_EVENT_BYTES));
        assertThat(engine.statistics().truncated()).isEqualTo(1);
        assertThat(engine.statistics().delivered()).isEqualTo(1);
    }

    @Test
    void truncationCutsOnACharacterBoundaryAtEveryPosition() throws Exception
    {
        // Shift a 4-byte character across every cut position: the result must stay valid UTF-8 and fit.
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).maxEventBytes(20).build(),
                status);
        long now = System.currentTimeMillis();
        for (int pad = 0; pad < 8; pad++)
        {
            engine.append(now, "a".repeat(pad) + "\uD83D\uDE00".repeat(10) + "\u00e9\u4e2d");
        }
        engine.stop(Duration.ofSeconds(5));

        List<String> stored = client.storedMessages();
        assertThat(stored).hasSize(8);
        for (String m : stored)
        {
            assertThat(utf8Length(m)).isLessThanOrEqualTo(20).isGreaterThanOrEqualTo(17);
            assertValidUtf8(m);
        }
        assertThat(engine.statistics().truncated()).isEqualTo(8);
    }

    @Test
    void splitSendsEveryPieceInOrderWithTheSameTimestamp() throws Exception
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).oversize(OversizePolicy.SPLIT)
                .maxEventBytes(16).build(), status);
        long now = System.currentTimeMillis();
        String message = "0123456789\u00e9\u4e2d\uD83D\uDE00abcdefghijklmnop\uD83D\uDE00\uD83D\uDE00xyz";

        engine.append(now, message);
        engine.stop(Duration.ofSeconds(5));

        List<InputLogEvent> stored = client.stored();
        assertSplitInOrder(stored, now, 16, message);
        EngineStatistics stats = engine.statistics();
        assertThat(stats.split()).isEqualTo(1);
        assertThat(stats.accepted()).isEqualTo(stored.size());
        assertThat(stats.delivered()).isEqualTo(stored.size());
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void piecesOfASplitEventSpanningBatchesAreStoredInOrderDespiteParallelSenders() throws Exception
    {
        // The first request is slow: without ordering, the batch holding the later pieces would be stored first.
        client.thenAnswer(r -> {
            try
            {
                Thread.sleep(300);
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).oversize(OversizePolicy.SPLIT)
                .maxEventBytes(100).maxBatchEvents(10).maxInFlight(4).build(), status);
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 100; i++)
        {
            message.append(String.format("piece-%03d:", i)).append("x".repeat(90));
        }

        engine.append(System.currentTimeMillis(), message.toString());
        engine.stop(Duration.ofSeconds(10));

        assertThat(client.requests().size()).isGreaterThan(1);
        assertThat(String.join("", client.storedMessages())).isEqualTo(message.toString());
    }

    @Test
    void oversizeDropPolicyDropsAndCounts()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).oversize("drop")
                .maxEventBytes(100).build(), status);
        long now = System.currentTimeMillis();
        engine.append(now, "x".repeat(101));
        engine.append(now, "x".repeat(100));

        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("x".repeat(100));
        assertThat(engine.statistics().dropped(DropReason.OVERSIZE)).isEqualTo(1);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void loneSurrogatesNeverReachTheWire() throws Exception
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();
        engine.append(now, "high \uD800 alone");
        engine.append(now, "low \uDC00 alone");
        engine.append(now, "reversed \uDE00\uD83D pair");
        engine.append(now, "ends with \uD83D");

        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("high \uFFFD alone", "low \uFFFD alone",
                "reversed \uFFFD\uFFFD pair", "ends with \uFFFD");
        for (String m : client.storedMessages())
        {
            assertValidUtf8(m);
        }
    }

    /** Several pieces, each valid and within {@code maxBytes}, with the event's timestamp, that join to its text. */
    static void assertSplitInOrder(List<InputLogEvent> stored, long timestamp, int maxBytes, String message)
            throws CharacterCodingException
    {
        assertThat(stored.size()).isGreaterThan(1);
        StringBuilder joined = new StringBuilder();
        for (InputLogEvent e : stored)
        {
            assertThat(e.timestamp()).isEqualTo(timestamp);
            assertThat(utf8Length(e.message())).isLessThanOrEqualTo(maxBytes);
            assertValidUtf8(e.message());
            joined.append(e.message());
        }
        assertThat(joined.toString()).isEqualTo(message);
    }

    static int utf8Length(String s)
    {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Fails on lone surrogates, which String.getBytes would silently turn into '?'. */
    static void assertValidUtf8(String s) throws CharacterCodingException
    {
        StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(s));
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(s);
        assertThat(StandardCharsets.UTF_8.decode(encoded).toString()).isEqualTo(s);
    }
}
