package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageTextTest
{
    @Test
    void removesExactlyOneTrailingLineBreak()
    {
        assertThat(MessageText.withoutTrailingLineBreak("line\n")).isEqualTo("line");
        assertThat(MessageText.withoutTrailingLineBreak("line\r\n")).isEqualTo("line");
        assertThat(MessageText.withoutTrailingLineBreak("two\n\n")).isEqualTo("two\n");
        assertThat(MessageText.withoutTrailingLineBreak("inner\nline")).isEqualTo("inner\nline");
        assertThat(MessageText.withoutTrailingLineBreak("\n")).isEmpty();
        assertThat(MessageText.withoutTrailingLineBreak("")).isEmpty();
    }

    @Test
    void encodedTextLosesExactlyOneTrailingLineBreakByLength()
    {
        assertThat(sentBytes("line\n")).isEqualTo(4);
        assertThat(sentBytes("line\r\n")).isEqualTo(4);
        assertThat(sentBytes("two\n\n")).isEqualTo(4);
        assertThat(sentBytes("caf\u00e9")).isEqualTo(5);
        assertThat(sentBytes("\n")).isZero();
        assertThat(MessageText.byteLengthWithoutTrailingLineBreak(null)).isZero();
    }

    private static int sentBytes(String line)
    {
        return MessageText.byteLengthWithoutTrailingLineBreak(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNewThreadsFirstLineHasItsOwnBuilderAndEncoderAndANestedFormatGetsAnotherBuilder() throws Exception
    {
        StringBuilder mine = MessageText.lineBuilder();
        CompletableFuture<String> other = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try
            {
                StringBuilder outer = MessageText.lineBuilder();
                outer.append("outer \u00e9");
                StringBuilder nested = MessageText.lineBuilder();
                nested.append("nested \u65e5\n");
                String nestedLine = new String(MessageText.takeUtf8(nested), StandardCharsets.UTF_8);
                String outerLine = new String(MessageText.takeUtf8(outer), StandardCharsets.UTF_8);
                other.complete((outer != mine) + " " + (nested != outer) + " " + nestedLine + " | " + outerLine + " "
                        + (MessageText.lineBuilder() == outer));
            }
            catch (Throwable e)
            {
                other.completeExceptionally(e);
            }
        });
        thread.start();

        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("true true nested \u65e5 | outer \u00e9 true");
        assertThat(MessageText.lineBuilder()).isSameAs(mine);
    }

    @Test
    void takeUtf8GivesTheLineAsExactUtf8WithoutItsLineBreakAndEmptiesTheBuilder()
    {
        StringBuilder builder = MessageText.lineBuilder();
        builder.append("caf\u00e9 \u65e5 \uD83D\uDE00 ascii\r\n");
        assertThat(MessageText.takeUtf8(builder))
                .isEqualTo("caf\u00e9 \u65e5 \uD83D\uDE00 ascii".getBytes(StandardCharsets.UTF_8));
        assertThat(builder).isEmpty();
        assertThat(MessageText.lineBuilder()).as("the thread's builder is reused").isSameAs(builder);

        builder.append("inner\nline\n\n");
        assertThat(MessageText.takeUtf8(builder)).isEqualTo("inner\nline\n".getBytes(StandardCharsets.UTF_8));
        assertThat(MessageText.takeUtf8(new StringBuilder())).isEmpty();
    }

    @Test
    void takeUtf8ReplacesLoneSurrogatesAsTheEngineDoes()
    {
        StringBuilder builder = new StringBuilder("a\uD800b\uDC00c\uD83D");
        assertThat(new String(MessageText.takeUtf8(builder), StandardCharsets.UTF_8))
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
    }

    @Test
    void takeUtf8HandlesALineLargerThanItsBuffersAndTheNextLineAfterIt()
    {
        String large = "\u4e2d".repeat(100_000) + "end";
        assertThat(MessageText.takeUtf8(new StringBuilder(large))).isEqualTo(large.getBytes(StandardCharsets.UTF_8));
        assertThat(MessageText.takeUtf8(new StringBuilder("small \u00e9")))
                .isEqualTo("small \u00e9".getBytes(StandardCharsets.UTF_8));
    }
}
