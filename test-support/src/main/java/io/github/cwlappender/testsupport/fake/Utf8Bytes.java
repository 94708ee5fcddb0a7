package io.github.cwlappender.testsupport.fake;

/** UTF-8 sizes of decoded message strings, and the detection of strings that are not well-formed UTF-16. */
final class Utf8Bytes
{
    private Utf8Bytes()
    {
    }

    /**
     * UTF-8 bytes of {@code s}. A lone surrogate counts 3 bytes, what it takes once replaced by U+FFFD, so that an
     * invalid message is never measured smaller than any valid stand-in for it.
     */
    static long length(String s)
    {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++)
        {
            char c = s.charAt(i);
            if (c < 0x80)
            {
                bytes += 1;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
            {
                bytes += 4;
                i++;
            }
            else
            {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** True when {@code s} holds a surrogate that is not half of a high-low pair. */
    static boolean hasLoneSurrogate(String s)
    {
        int n = s.length();
        for (int i = 0; i < n; i++)
        {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)))
            {
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }
}
