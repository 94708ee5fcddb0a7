package io.github.cwlappender.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test
{
    @Test
    void lengthMatchesTheJdkEncoderForWellFormedText()
    {
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++)
        {
            String s = randomText(random, random.nextInt(40));
            assertThat(Utf8.length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void wellFormedLengthMatchesTheJdkEncoderOrSaysTheTextNeedsRepair()
    {
        Random random = new Random(13);
        for (int n = 0; n < 2000; n++)
        {
            String s = randomText(random, random.nextInt(40));
            assertThat(Utf8.wellFormedLength(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
            String broken = s + (n % 2 == 0 ? "\uD800" : "\uDC00") + s;
            assertThat(Utf8.wellFormedLength(broken)).as(broken).isEqualTo(-1);
        }
        assertThat(Utf8.wellFormedLength("plain ascii")).isEqualTo(11);
        assertThat(Utf8.wellFormedLength("caf\u00e9 \u65e5\uD83D\uDE00")).isEqualTo(13);
    }

    @Test
    void sanitizeReplacesOnlyLoneSurrogates()
    {
        assertThat(Utf8.sanitize("plain")).isSameAs("plain");
        String pair = "\uD83D\uDE00";
        assertThat(Utf8.sanitize(pair)).isSameAs(pair);
        assertThat(Utf8.sanitize("a\uD800b\uDC00c\uD83D")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
        assertThat(Utf8.length(Utf8.sanitize("\uD800"))).isEqualTo(3);
    }

    @Test
    void prefixEndNeverSplitsACharacterAndNeverExceedsTheLimit()
    {
        Random random = new Random(11);
        for (int n = 0; n < 2000; n++)
        {
            String s = randomText(random, 30);
            int limit = 1 + random.nextInt(60);
            int end = Utf8.prefixEnd(s, 0, limit);
            String head = s.substring(0, end);
            assertThat(head.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
            assertThat(end == 0 || !Character.isHighSurrogate(s.charAt(end - 1))).isTrue();
            if (end < s.length())
            {
                // The next character would not have fitted.
                int next = Character.charCount(s.codePointAt(end));
                assertThat(s.substring(0, end + next).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(limit);
            }
        }
    }

    private static String randomText(Random random, int codePoints)
    {
        int[] samples = {'a', 'Z', 0x7F, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0x1F600, 0x10FFFF};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++)
        {
            sb.appendCodePoint(samples[random.nextInt(samples.length)]);
        }
        return sb.toString();
    }
}
