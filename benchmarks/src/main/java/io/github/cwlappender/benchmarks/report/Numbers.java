package io.github.cwlappender.benchmarks.report;

import java.util.Locale;

/** How numbers are printed in the report: grouped thousands, few decimals, "n/a" for what was not measured. */
final class Numbers
{
    private Numbers()
    {
    }

    static String grouped(double value)
    {
        if (!Double.isFinite(value))
        {
            return "n/a";
        }
        if (Math.abs(value) >= 100)
        {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** A count: grouped thousands, no decimals. */
    static String count(double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "n/a";
    }

    static String fixed(double value, int decimals)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "n/a";
    }

    static double parse(String text)
    {
        try
        {
            return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        }
        catch (NumberFormatException e)
        {
            return Double.NaN;
        }
    }

    static String megabytes(String bytes)
    {
        return fixed(parse(bytes) / (1024.0 * 1024.0), 1);
    }
}
