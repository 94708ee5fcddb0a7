package io.github.cwlappender.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.MessageText;

/**
 * Makes the text of an event from the appender's layout or encoder and offers it to the engine. The appender sends it
 * without one trailing line break (layouts end lines for files and consoles), left out by length so that the text is
 * not copied again.
 */
interface EventFormatter
{
    String format(ILoggingEvent event);

    /** Formats the event and offers it to the engine; false when the engine dropped it (and counted it). */
    default boolean appendTo(CloudWatchLogsEngine engine, ILoggingEvent event, boolean important)
    {
        String text = format(event);
        return engine.append(event.getTimeStamp(), text, MessageText.lengthWithoutTrailingLineBreak(text), important);
    }
}
