package io.github.cwlappender.logback;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.EnsureExceptionHandling;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.PostCompileProcessor;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.MessageText;

/**
 * The appender's own default {@link PatternLayout}, formatting into the logging thread's reused builder
 * ({@link MessageText#lineBuilder()}): what {@code PatternLayout.doLayout} does, without the new
 * {@code StringBuilder} and {@code String} it makes for every event; the one copy made is the line's UTF-8 bytes,
 * without the trailing line break.
 *
 * <p>The layout hands its compiled converter chain to its post-compile processor when it starts; this one takes note
 * of it and then does what {@code PatternLayout}'s own processor does (add a throwable converter when the pattern has
 * none). Should the chain not be known, events are formatted with {@code doLayout}.
 */
final class PatternText implements EventFormatter
{
    private final PatternLayout layout;
    private volatile Converter<ILoggingEvent> head;

    private PatternText(PatternLayout layout)
    {
        this.layout = layout;
    }

    /** Starts {@code layout} (configured, not yet started) and returns its formatter. */
    static PatternText start(PatternLayout layout)
    {
        PatternText text = new PatternText(layout);
        layout.setPostCompileProcessor(text.new ChainCapture());
        layout.start();
        return text;
    }

    PatternLayout layout()
    {
        return layout;
    }

    /** The event's text as the layout makes it, for when the converter chain is not known. */
    @Override
    public String format(ILoggingEvent event)
    {
        return layout.doLayout(event);
    }

    /**
     * Formats into the thread's builder and offers the line to the engine as UTF-8, encoded through the thread's
     * reused buffers into the one array the engine keeps ({@link MessageText#takeUtf8}).
     */
    @Override
    public boolean appendTo(CloudWatchLogsEngine engine, ILoggingEvent event, boolean important)
    {
        Converter<ILoggingEvent> first = head;
        if (first == null || !layout.isStarted())
        {
            return EventFormatter.super.appendTo(engine, event, important);
        }
        StringBuilder line = MessageText.lineBuilder();
        byte[] utf8;
        try
        {
            for (Converter<ILoggingEvent> c = first; c != null; c = c.getNext())
            {
                c.write(line, event);
            }
            utf8 = MessageText.takeUtf8(line);
        }
        finally
        {
            // Left empty for the next event even when a converter threw.
            line.setLength(0);
        }
        return engine.appendUtf8(event.getTimeStamp(), utf8, utf8.length, important);
    }

    private final class ChainCapture implements PostCompileProcessor<ILoggingEvent>
    {
        private final EnsureExceptionHandling exceptions = new EnsureExceptionHandling();

        @Override
        public void process(Context context, Converter<ILoggingEvent> chain)
        {
            exceptions.process(context, chain);
            head = chain;
        }
    }
}
