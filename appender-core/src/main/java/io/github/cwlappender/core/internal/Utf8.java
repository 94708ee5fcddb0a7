package io.github.cwlappender.core.internal;

/**
 * UTF-8 byte arithmetic on Java strings, exact to the byte, without encoding them. Lone surrogates cannot be
 * encoded; {@link #sanitize} replaces them with U+FFFD (3 bytes) so that nothing invalid ever reaches the wire.
 */
public final class Utf8
{
    public static final char REPLACEMENT = '\uFFFD';

    private Utf8()
    {
    }

    /** The same string when it is well-formed UTF-16, otherwise a copy with each lone surrogate replaced. */
    public static String sanitize(String s)
    {
        int n = s.length();
        for (int i = 0; i < n; i++)
        {
            char c = s.charAt(i);
            if (Character.isSurrogate(c))
            {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
                {
                    i++;
                    continue;
                }
                return replaceLoneSurrogates(s, i);
            }
        }
        return s;
    }

    private static String replaceLoneSurrogates(String s, int from)
    {
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, from);
        int n = s.length();
        for (int i = from; i < n; i++)
        {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
            {
                sb.append(c).append(s.charAt(++i));
            }
            else
            {
                sb.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return sb.toString();
    }

    /**
     * The UTF-8 length when the string is well-formed UTF-16, or -1 when it holds a lone surrogate (then
     * {@link #sanitize} it). One pass, with a tight loop over the ASCII prefix that most log lines are entirely.
     */
    public static int wellFormedLength(String s)
    {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x80)
        {
            i++;
        }
        int bytes = n;
        for (; i < n; i++)
        {
            char c = s.charAt(i);
            if (c < 0x80)
            {
                continue;
            }
            if (c < 0x800)
            {
                bytes += 1;
            }
            else if (!Character.isSurrogate(c))
            {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
            {
                // 4 bytes for the 2 chars of a pair.
                bytes += 2;
                i++;
            }
            else
            {
                return -1;
            }
        }
        return bytes;
    }

    /** UTF-8 length of a well-formed string (see {@link #sanitize}). */
    public static int length(String s)
    {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++)
        {
            char c = s.charAt(i);
            if (c >= 0x80)
            {
                bytes += extraBytes(c);
            }
        }
        return bytes;
    }

    // A surrogate pair is 4 bytes for 2 chars, so each half adds one byte over its char.
    private static int extraBytes(char c)
    {
        if (c < 0x800)
        {
            return 1;
        }
        return Character.isSurrogate(c) ? 1 : 2;
    }

    /**
     * The largest end index such that {@code s[start, end)} is at most {@code maxBytes} UTF-8 bytes and does not
     * split a surrogate pair. Returns {@code start} when not even one character fits.
     */
    public static int prefixEnd(String s, int start, int maxBytes)
    {
        int n = s.length();
        int bytes = 0;
        int i = start;
        while (i < n)
        {
            char c = s.charAt(i);
            int width;
            int chars = 1;
            if (c < 0x80)
            {
                width = 1;
            }
            else if (c < 0x800)
            {
                width = 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
            {
                width = 4;
                chars = 2;
            }
            else
            {
                width = 3;
            }
            if (bytes + width > maxBytes)
            {
                break;
            }
            bytes += width;
            i += chars;
        }
        return i;
    }
}
