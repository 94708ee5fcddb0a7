package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An adapter hands the engine a layout's whole output and says how much of it is the event (the rest being a trailing
 * line break), so that the logging thread copies nothing; and it formats into a reused per-thread builder.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AppendPartOfMessageTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void onlyTheGivenLengthOfTheMessageIsSent()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();
        String windows = "logged on Windows\r\n";
        String unix = "logged on Linux\n";
        String inner = "first line\nsecond line";

        engine.append(now, windows, MessageText.lengthWithoutTrailingLineBreak(windows), false);
        engine.append(now, unix, MessageText.lengthWithoutTrailingLineBreak(unix), true);
        engine.append(now, inner, MessageText.lengthWithoutTrailingLineBreak(inner), false);
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("logged on Windows", "logged on Linux",
                "first line\nsecond line");
        assertThat(engine.statistics().delivered()).isEqualTo(3);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void aLineBreakAloneIsAnEmptyMessageDroppedAndCounted()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();

        engine.append(now, "\n", MessageText.lengthWithoutTrailingLineBreak("\n"), false);
        engine.append(now, null, MessageText.lengthWithoutTrailingLineBreak(null), false);
        engine.append(now, "kept\n", 4, false);
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("kept");
        assertThat(engine.statistics().dropped(DropReason.EMPTY)).isEqualTo(2);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void aLengthOutsideTheMessageIsClampedToIt()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        long now = System.currentTimeMillis();

        engine.append(now, "whole", 99, false);
        engine.append(now, "nothing", -1, false);
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("whole");
        assertThat(engine.statistics().dropped(DropReason.EMPTY)).isEqualTo(1);
    }

    @Test
    void oversizeTruncationCountsOnlyTheGivenLength()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).maxEventBytes(20).build(),
                status);
        long now = System.currentTimeMillis();
        // 20 characters and a line break: fits once the line break is left out, so it is not truncated.
        String fits = "x".repeat(20) + "\n";
        String tooLong = "y".repeat(30) + "\n";

        engine.append(now, fits, MessageText.lengthWithoutTrailingLineBreak(fits), false);
        engine.append(now, tooLong, MessageText.lengthWithoutTrailingLineBreak(tooLong), false);
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("x".repeat(20), "y".repeat(20));
        assertThat(engine.statistics().truncated()).isEqualTo(1);
    }

    @Test
    void theLineBuilderComesBackEmptyAndTakeLineLeavesOutOneLineBreak()
    {
        StringBuilder builder = MessageText.lineBuilder();
        assertThat(builder).isEmpty();
        builder.append("an event\r\n");

        assertThat(MessageText.takeLine(builder)).isEqualTo("an event");
        assertThat(builder).isEmpty();
        assertThat(MessageText.lineBuilder()).as("the thread's builder is reused").isSameAs(builder);
    }

    @Test
    void aFormatNestedInAnotherOnTheSameThreadGetsABuilderOfItsOwn()
    {
        StringBuilder outer = MessageText.lineBuilder();
        outer.append("2026-01-01 INFO outer - ");

        // A layout that logs while it formats (an argument's toString that logs, say) starts a nested format.
        StringBuilder nested = MessageText.lineBuilder();
        assertThat(nested).isNotSameAs(outer).isEmpty();
        nested.append("nested event\n");
        assertThat(MessageText.takeLine(nested)).isEqualTo("nested event");

        outer.append("outer message\n");
        assertThat(MessageText.takeLine(outer)).isEqualTo("2026-01-01 INFO outer - outer message");
    }

    @Test
    void aBuilderThatGrewForOneHugeEventIsNotKeptForTheNext()
    {
        StringBuilder builder = MessageText.lineBuilder();
        builder.append("t".repeat(200_000));
        assertThat(MessageText.takeLine(builder)).hasSize(200_000);

        StringBuilder next = MessageText.lineBuilder();
        assertThat(next.capacity()).isLessThan(200_000);
        assertThat(next).isEmpty();
    }
}
