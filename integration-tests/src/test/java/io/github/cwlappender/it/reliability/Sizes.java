package io.github.cwlappender.it.reliability;

import java.util.Locale;

/**
 * The scenario sizes: small enough for CI by default, the sizes of the reliability issue with
 * {@code -Dcwl.reliability.size=full}.
 */
final class Sizes
{
    static final String PROPERTY = "cwl.reliability.size";

    private Sizes()
    {
    }

    static boolean full()
    {
        return "full".equals(name());
    }

    /** "ci" or "full". */
    static String name()
    {
        String value = System.getProperty(PROPERTY, "ci").trim().toLowerCase(Locale.ROOT);
        return value.equals("full") ? "full" : "ci";
    }

    static int pick(int ci, int full)
    {
        return full() ? full : ci;
    }

    static long pick(long ci, long full)
    {
        return full() ? full : ci;
    }
}
