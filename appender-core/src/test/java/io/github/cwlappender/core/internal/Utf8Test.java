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

    @Test
    void isWellFormedAgreesWithTheJdkDecoderOnEveryKindOfSequence()
    {
        // Valid: every width, the edges of each range, ASCII long enough for the eight-byte check.
        String[] valid = {"", "a", "plain ascii beyond eight bytes", "caf\u00e9",
            "\u0080\u07ff\u0800\ud7ff\ue000\uffff", "\uD800\uDC00 \uDBFF\uDFFF", "12345678\u00e9", "1234567\u65e5"};
        for (String text : valid)
        {
            byte[] bytes = (text + "\u00ff").getBytes(StandardCharsets.UTF_8);
            int length = text.getBytes(StandardCharsets.UTF_8).length;
            assertThat(Utf8.isWellFormed(bytes, length)).as(text).isTrue();
        }
        // Malformed: a lone continuation, a truncated sequence (also at the length), overlong forms, an encoded
        // surrogate, beyond U+10FFFF, bytes that never occur.
        int[][] malformed = {{0x80}, {0x41, 0xBF}, {0xC3}, {0xE6, 0x97}, {0xF0, 0x9F, 0x98}, {0xC0, 0x80}, {0xC1, 0xBF},
            {0xE0, 0x80, 0x80}, {0xE0, 0x9F, 0xBF}, {0xED, 0xA0, 0x80}, {0xF0, 0x8F, 0xBF, 0xBF},
            {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xE6, 0x41, 0x80}, {0xC3, 0xC3}};
        for (int[] sequence : malformed)
        {
            for (String before : new String[] {"", "eight ok", "x"})
            {
                byte[] head = before.getBytes(StandardCharsets.US_ASCII);
                byte[] bytes = new byte[head.length + sequence.length];
                System.arraycopy(head, 0, bytes, 0, head.length);
                for (int k = 0; k < sequence.length; k++)
                {
                    bytes[head.length + k] = (byte) sequence[k];
                }
                assertThat(Utf8.isWellFormed(bytes, bytes.length)).as(java.util.Arrays.toString(sequence)).isFalse();
            }
        }
        byte[] pair = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.isWellFormed(pair, 3)).as("cut inside a character by the length").isFalse();
        Random random = new Random(29);
        for (int n = 0; n < 2000; n++)
        {
            byte[] bytes = randomText(random, random.nextInt(20)).getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.isWellFormed(bytes, bytes.length)).isTrue();
        }
    }

    @Test
    void cutPointNeverSplitsACharacterAndKeepsAsMuchAsFits()
    {
        Random random = new Random(31);
        for (int n = 0; n < 2000; n++)
        {
            String s = randomText(random, 30);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            int limit = 1 + random.nextInt(60);
            int end = Utf8.cutPoint(bytes, bytes.length, limit);
            assertThat(end).isEqualTo(s.substring(0, Utf8.prefixEnd(s, 0, limit)).getBytes(StandardCharsets.UTF_8)
                    .length);
            assertThat(Utf8.isWellFormed(bytes, end)).isTrue();
        }
        byte[] short1 = "abc".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.cutPoint(short1, 3, 10)).isEqualTo(3);
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
