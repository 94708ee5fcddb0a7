package io.github.cwlappender.logback;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.EnsureExceptionHandling;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.PostCompileProcessor;
import io.github.cwlappender.core.MessageText;
import java.util.ArrayList;
import java.util.List;

/**
 * The appender's own default {@link PatternLayout}, formatting into the logging thread's reused builder
 * ({@link MessageText#lineBuilder()}): what {@code PatternLayout.doLayout} does, without the new
 * {@code StringBuilder} it makes for every event, and with the trailing line break left out of the one copy that is
 * made.
 *
 * <p>The layout hands its compiled converter chain to its post-compile processor when it starts; this one takes note
 * of it and then does what {@code PatternLayout}'s own processor does (add a throwable converter when the pattern has
 * none), and puts {@link LoggerNameConverter} in place of Logback's {@code %logger} converter, which takes a lock on
 * every event. Should the chain not be known, events are formatted with {@code doLayout}.
 */
final class PatternText implements EventFormatter
{
    private final PatternLayout layout;
    // The layout's converter chain, in order, each of Logback's logger converters replaced by a LoggerNameConverter.
    private volatile Converter<ILoggingEvent>[] converters;
    // The same chain written in one pass, when it is the default pattern's; see DefaultPatternLine.
    private volatile DefaultPatternLine defaultLine;

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

    /** Whether lines are written by {@link DefaultPatternLine} rather than through the chain. */
    boolean writesInOnePass()
    {
        return defaultLine != null;
    }

    /** The event's text, its trailing line break already left out. */
    @Override
    public String format(ILoggingEvent event)
    {
        Converter<ILoggingEvent>[] chain = converters;
        if (chain == null || !layout.isStarted())
        {
            return MessageText.withoutTrailingLineBreak(layout.doLayout(event));
        }
        DefaultPatternLine onePass = defaultLine;
        StringBuilder line = MessageText.lineBuilder();
        try
        {
            if (onePass != null)
            {
                onePass.write(line, event);
            }
            else
            {
                for (Converter<ILoggingEvent> c : chain)
                {
                    c.write(line, event);
                }
            }
            return MessageText.takeLine(line);
        }
        finally
        {
            // Left empty for the next event even when a converter threw.
            line.setLength(0);
        }
    }

    @Override
    public int sentLength(String text)
    {
        // format() left the line break out in the one copy it made: a second one must not go too.
        return text.length();
    }

    private final class ChainCapture implements PostCompileProcessor<ILoggingEvent>
    {
        private final EnsureExceptionHandling exceptions = new EnsureExceptionHandling();

        @Override
        public void process(Context context, Converter<ILoggingEvent> chain)
        {
            exceptions.process(context, chain);
            List<Converter<ILoggingEvent>> inOrder = new ArrayList<>();
            for (Converter<ILoggingEvent> c = chain; c != null; c = c.getNext())
            {
                inOrder.add(LoggerNameConverter.inPlaceOf(c));
            }
            @SuppressWarnings("unchecked")
            Converter<ILoggingEvent>[] array = inOrder.toArray(new Converter[0]);
            defaultLine = DefaultPatternLine.of(array);
            converters = array;
        }
    }
}
