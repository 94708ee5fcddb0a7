package io.github.cwlappender.core;

import static io.github.cwlappender.core.EventRulesTest.assertSplitInOrder;
import static io.github.cwlappender.core.EventRulesTest.assertValidUtf8;
import static io.github.cwlappender.core.EventRulesTest.utf8Length;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Events offered as UTF-8 bytes ({@link CloudWatchLogsEngine#appendUtf8}, what both adapters do with their default
 * layouts) follow every rule that events offered as strings do: the same text stored, oversize cut, split or dropped
 * on character boundaries, malformed bytes repaired, empty ones counted, and every event accounted for.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Utf8AppendTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void theFirstLengthBytesAreStoredAsTheirText()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();
        String text = "caf\u00e9 \u65e5\u672c \uD83D\uDE00 \"quoted\" \\ tab\t";
        byte[] line = (text + "\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(engine.appendUtf8(now, line, line.length - 2, false)).isTrue();
        assertThat(engine.appendUtf8(now, line, 5, true)).isTrue();
        assertThat(engine.appendUtf8(now, line, 1000, false)).as("a length past the array is the array").isTrue();
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly(text, "caf\u00e9", text + "\r\n");
        assertThat(engine.statistics().delivered()).isEqualTo(3);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void emptyAndNullBytesAreDroppedAsEmpty()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();
        engine.appendUtf8(now, new byte[0], 0, false);
        engine.appendUtf8(now, null, 10, false);
        engine.appendUtf8(now, "x".getBytes(StandardCharsets.UTF_8), 0, false);
        engine.appendUtf8(now, "kept".getBytes(StandardCharsets.UTF_8), 4, false);
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("kept");
        assertThat(engine.statistics().dropped(DropReason.EMPTY)).isEqualTo(3);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void malformedBytesAreStoredWithReplacementCharactersNotLost() throws Exception
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();
        byte[] loneContinuation = {'a', (byte) 0x80, 'b'};
        byte[] encodedSurrogate = {'s', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] cutShort = {'c', (byte) 0xE6, (byte) 0x97};
        engine.appendUtf8(now, loneContinuation, loneContinuation.length, false);
        engine.appendUtf8(now, encodedSurrogate, encodedSurrogate.length, false);
        engine.appendUtf8(now, cutShort, cutShort.length, false);
        engine.stop(Duration.ofSeconds(5));

        List<String> stored = client.storedMessages();
        assertThat(stored).hasSize(3);
        for (String m : stored)
        {
            assertThat(m).contains("\uFFFD");
            assertValidUtf8(m);
        }
        assertThat(stored.get(0)).isEqualTo("a\uFFFDb");
        assertThat(engine.statistics().delivered()).isEqualTo(3);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void oversizeBytesAreTruncatedByDefaultOnACharacterBoundary() throws Exception
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        byte[] huge = "z".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        engine.appendUtf8(System.currentTimeMillis(), huge, huge.length, false);
        engine.stop(Duration.ofSeconds(10));
        assertThat(client.storedMessages()).singleElement()
                .satisfies(m -> assertThat(utf8Length(m)).isEqualTo(EngineConfig.SERVICE_MAX_EVENT_BYTES));
        assertThat(engine.statistics().truncated()).isEqualTo(1);

        // A 4-byte character shifted across every cut position: what is kept stays valid and as long as can be.
        FakeLogsClient small = new FakeLogsClient();
        CloudWatchLogsEngine cutting = TestEngines.started(TestEngines.config(small).maxEventBytes(20).build(),
                status);
        long now = System.currentTimeMillis();
        for (int pad = 0; pad < 8; pad++)
        {
            String text = "a".repeat(pad) + "\uD83D\uDE00".repeat(10) + "\u00e9\u4e2d";
            byte[] line = text.getBytes(StandardCharsets.UTF_8);
            cutting.appendUtf8(now, line, line.length, false);
        }
        cutting.stop(Duration.ofSeconds(5));
        assertThat(small.storedMessages()).hasSize(8);
        for (int pad = 0; pad < 8; pad++)
        {
            String m = small.storedMessages().get(pad);
            assertValidUtf8(m);
            assertThat(m).isEqualTo("a".repeat(pad) + "\uD83D\uDE00".repeat((20 - pad) / 4));
        }
        assertThat(cutting.statistics().truncated()).isEqualTo(8);
        assertThat(cutting.statistics().isBalanced()).isTrue();
    }

    @Test
    void oversizeBytesAreSplitInOrderOrDroppedAsConfigured() throws Exception
    {
        CloudWatchLogsEngine splitting = TestEngines.started(TestEngines.config(client)
                .oversize(OversizePolicy.SPLIT).maxEventBytes(16).build(), status);
        long now = System.currentTimeMillis();
        String message = "0123456789\u00e9\u4e2d\uD83D\uDE00abcdefghijklmnop\uD83D\uDE00\uD83D\uDE00xyz";
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        splitting.appendUtf8(now, utf8, utf8.length, false);
        splitting.stop(Duration.ofSeconds(5));

        assertSplitInOrder(client.stored(), now, 16, message);
        assertThat(splitting.statistics().split()).isEqualTo(1);
        assertThat(splitting.statistics().isBalanced()).isTrue();

        FakeLogsClient kept = new FakeLogsClient();
        CloudWatchLogsEngine dropping = TestEngines.started(TestEngines.config(kept).oversize("drop")
                .maxEventBytes(100).build(), status);
        byte[] line = "x".repeat(101).getBytes(StandardCharsets.UTF_8);
        dropping.appendUtf8(now, line, 101, false);
        dropping.appendUtf8(now, line, 100, false);
        dropping.stop(Duration.ofSeconds(5));
        assertThat(kept.storedMessages()).containsExactly("x".repeat(100));
        assertThat(dropping.statistics().dropped(DropReason.OVERSIZE)).isEqualTo(1);
        assertThat(dropping.statistics().isBalanced()).isTrue();
    }
}
