package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages of every length the batcher treats differently (it warms the first 4,096 characters of each string before
 * checking it), in Latin-1 and in characters beyond it, arrive as logged.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageLengthsTest
{
    private static final int[] LENGTHS = {1, 7, 8, 63, 64, 200, 4095, 4096, 4097, 8192, 8193, 20_000};

    @Test
    void latinOneAndWiderMessagesOfEveryLengthArriveAsLogged()
    {
        FakeLogsClient client = new FakeLogsClient();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), new RecordingStatus());
        long now = System.currentTimeMillis();
        List<String> logged = new ArrayList<>();
        for (int length : LENGTHS)
        {
            logged.add(repeat("caf\u00e9 \"x\"\t", length));
            logged.add(repeat("\u65e5\u672c \uD83D\uDE00 ", length));
        }
        for (String message : logged)
        {
            assertThat(engine.append(now, message, false)).isTrue();
        }
        engine.stop(Duration.ofSeconds(10));

        assertThat(client.storedMessages()).containsExactlyElementsOf(logged);
        assertThat(engine.statistics().delivered()).isEqualTo(logged.size());
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    /** {@code length} chars of {@code unit} repeated, never ending inside a surrogate pair. */
    private static String repeat(String unit, int length)
    {
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length)
        {
            text.append(unit);
        }
        text.setLength(length);
        if (Character.isHighSurrogate(text.charAt(length - 1)))
        {
            text.setCharAt(length - 1, 'z');
        }
        return text.toString();
    }
}
