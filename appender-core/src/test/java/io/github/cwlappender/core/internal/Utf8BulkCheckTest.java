package io.github.cwlappender.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batcher's bulk check gives exactly what the character-by-character one gives, for any text. */
class Utf8BulkCheckTest
{
    @Test
    void bulkLengthEqualsTheExactLengthOrSaysTheTextNeedsRepair()
    {
        char[] scratch = new char[64];
        Random random = new Random(17);
        int[] samples = {'a', 'Z', ' ', 0x7F, 0x80, 0xE9, 0xFF, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0x1F600, 0x10FFFF};
        for (int n = 0; n < 5000; n++)
        {
            StringBuilder sb = new StringBuilder();
            int codePoints = random.nextInt(80);
            for (int i = 0; i < codePoints; i++)
            {
                // Mostly ASCII, as log lines are, with the odd other character anywhere.
                sb.appendCodePoint(random.nextInt(4) == 0 ? samples[random.nextInt(samples.length)] : 'a' + i % 26);
            }
            String s = sb.toString();
            assertThat(Utf8.wellFormedLength(s, scratch)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
            String broken = s + "\uDC00";
            assertThat(Utf8.wellFormedLength(broken, scratch)).as(broken).isEqualTo(-1);
        }
    }

    @Test
    void textLongerThanTheScratchBufferIsMeasuredToo()
    {
        char[] scratch = new char[8];
        assertThat(Utf8.wellFormedLength("longer than eight", scratch)).isEqualTo(17);
        assertThat(Utf8.wellFormedLength("caf\u00e9 au lait, long", scratch)).isEqualTo(19);
        assertThat(Utf8.wellFormedLength("lone \uD800 surrogate", scratch)).isEqualTo(-1);
        assertThat(Utf8.wellFormedLength("", scratch)).isZero();
    }
}
