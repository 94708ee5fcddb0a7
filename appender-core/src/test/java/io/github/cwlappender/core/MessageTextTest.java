package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
