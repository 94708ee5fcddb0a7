package io.github.cwlappender.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A horizontal bar chart written as SVG: one labelled bar per value, the value printed at the bar's end. */
final class BarChart
{
    static final String OURS = "#1f6fb4";
    static final String REFERENCE = "#3a9a48";
    static final String OTHER = "#9a9a9a";

    private static final int BAR_SPACE = 420;
    private static final int VALUE_WIDTH = 110;
    private static final int CHAR_WIDTH = 7;
    private static final int ROW = 24;
    private static final int TOP = 44;

    private final String title;
    private final String unit;
    private final List<Bar> bars = new ArrayList<>();

    BarChart(String title, String unit)
    {
        this.title = title;
        this.unit = unit;
    }

    BarChart add(String label, double value, String color)
    {
        bars.add(new Bar(label, value, color));
        return this;
    }

    String toSvg()
    {
        double max = 0;
        int longestLabel = 0;
        for (Bar bar : bars)
        {
            max = Math.max(max, bar.value);
            longestLabel = Math.max(longestLabel, bar.label.length());
        }
        // Sans-serif at 13 px: about 7 px a character, so the longest label still fits left of the bars.
        int labelWidth = Math.max(200, longestLabel * CHAR_WIDTH + 16);
        int width = labelWidth + BAR_SPACE + VALUE_WIDTH;
        int height = TOP + bars.size() * ROW + 16;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", width, height, width,
                height));
        svg.append(String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width,
                height));
        svg.append(String.format(Locale.ROOT, "  <text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s"
                + "</text>%n", escape(title + " (" + unit + ")")));
        for (int i = 0; i < bars.size(); i++)
        {
            Bar bar = bars.get(i);
            int y = TOP + i * ROW;
            double length = max > 0 && Double.isFinite(bar.value) ? BAR_SPACE * bar.value / max : 0;
            svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 8, y + 16, escape(bar.label)));
            svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                    + " fill=\"%s\"/>%n", labelWidth, y + 3, length, ROW - 6, bar.color));
            svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\">%s</text>%n",
                    labelWidth + length + 6, y + 16, escape(Numbers.grouped(bar.value))));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class Bar
    {
        final String label;
        final double value;
        final String color;

        Bar(String label, double value, String color)
        {
            this.label = label;
            this.value = value;
            this.color = color;
        }
    }
}
