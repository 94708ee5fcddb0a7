package io.github.cwlappender.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.MessageText;

/**
 * Makes the text of an event from the appender's layout or encoder. The appender sends it without one trailing line
 * break (layouts end lines for files and consoles), left out by length so that the text is not copied again.
 */
interface EventFormatter
{
    String format(ILoggingEvent event);

    /** How many characters of {@code text} to send: all but one trailing line break, unless it was left out already. */
    default int sentLength(String text)
    {
        return MessageText.lengthWithoutTrailingLineBreak(text);
    }

    /** Formats the event and offers it to the engine; false when the engine dropped it (and counted it). */
    default boolean appendTo(CloudWatchLogsEngine engine, ILoggingEvent event, boolean important)
    {
        String text = format(event);
        return engine.append(event.getTimeStamp(), text, sentLength(text), important);
    }
}
