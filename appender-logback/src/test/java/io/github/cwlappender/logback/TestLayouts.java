package io.github.cwlappender.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;

/** The appender's own pattern text and Logback's layout for the same pattern, to compare what each writes. */
final class TestLayouts
{
    private TestLayouts()
    {
    }

    /** The appender's formatter for {@code pattern}, started. */
    static PatternText patternText(LoggerContext context, String pattern)
    {
        PatternLayout layout = new PatternLayout();
        layout.setPattern(pattern);
        layout.setContext(context);
        return PatternText.start(layout);
    }

    /** Logback's own layout for {@code pattern}, started. */
    static PatternLayout logbackLayout(LoggerContext context, String pattern)
    {
        PatternLayout layout = new PatternLayout();
        layout.setPattern(pattern);
        layout.setContext(context);
        layout.start();
        return layout;
    }
}
