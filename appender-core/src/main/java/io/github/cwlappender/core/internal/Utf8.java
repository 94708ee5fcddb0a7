package io.github.cwlappender.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * UTF-8 byte arithmetic on Java strings, exact to the byte, without encoding them. Lone surrogates cannot be
 * encoded; {@link #sanitize} replaces them with U+FFFD (3 bytes) so that nothing invalid ever reaches the wire.
 * For text that arrives already encoded, {@link #isWellFormed} checks the bytes and {@link #cutPoint} finds where
 * a prefix may end.
 */
public final class Utf8
{
    public static final char REPLACEMENT = '\uFFFD';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

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

    /**
     * Whether the first {@code length} bytes are well-formed UTF-8 (RFC 3629: shortest forms only, no surrogates,
     * nothing above U+10FFFF): what the service accepts. ASCII, most log lines entirely, is checked eight bytes at a
     * time.
     */
    public static boolean isWellFormed(byte[] bytes, int length)
    {
        int i = 0;
        while (i + Long.BYTES <= length && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0)
        {
            i += Long.BYTES;
        }
        while (i < length)
        {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80)
            {
                i++;
                continue;
            }
            int following = followingBytes(lead);
            if (following == 0 || i + following >= length)
            {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < lowestSecond(lead) || second > highestSecond(lead))
            {
                return false;
            }
            for (int k = 2; k <= following; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }
            i += following + 1;
        }
        return true;
    }

    /** How many continuation bytes a lead byte announces; 0 for a byte that cannot start a sequence. */
    private static int followingBytes(int lead)
    {
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            return 1;
        }
        if (lead >= 0xE0 && lead <= 0xEF)
        {
            return 2;
        }
        return lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    }

    // The second byte's range is narrower after four leads: it rules out overlong forms (E0, F0), surrogates (ED)
    // and code points above U+10FFFF (F4).
    private static int lowestSecond(int lead)
    {
        return lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    }

    private static int highestSecond(int lead)
    {
        return lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    }

    /**
     * The largest end, at most {@code maxBytes}, at which the first {@code length} bytes of UTF-8 text can be cut
     * without splitting a character: {@code length} itself when it is no more than {@code maxBytes}.
     */
    public static int cutPoint(byte[] bytes, int length, int maxBytes)
    {
        if (length <= maxBytes)
        {
            return length;
        }
        int end = maxBytes;
        // The byte at end is the first one left out: while it continues a character, that character is left out too.
        while (end > 0 && (bytes[end] & 0xC0) == 0x80)
        {
            end--;
        }
        return end;
    }
}
