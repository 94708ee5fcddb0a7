package io.github.cwlappender.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads byte counts written the way people write them in configuration files: {@code 64MB}, {@code 512 KiB}. */
final class ByteSize
{
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    private ByteSize()
    {
    }

    /** The byte count, or -1 when the text is not a size. Units are powers of 1024, as for heap sizes. */
    static long parse(String text)
    {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches())
        {
            return -1;
        }
        int shift;
        switch (m.group(2).toLowerCase(Locale.ROOT))
        {
            case "k":
                shift = 10;
                break;
            case "m":
                shift = 20;
                break;
            case "g":
                shift = 30;
                break;
            default:
                shift = 0;
                break;
        }
        try
        {
            long value = Long.parseLong(m.group(1));
            return value > (Long.MAX_VALUE >> shift) ? -1 : value << shift;
        }
        catch (NumberFormatException tooLong)
        {
            return -1;
        }
    }
}
