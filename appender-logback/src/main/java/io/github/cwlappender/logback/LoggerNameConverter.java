package io.github.cwlappender.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.LoggerConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.Converter;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code %logger{n}} in the default pattern, with the text Logback's own converter gives, remembered per logger name
 * without a lock.
 *
 * <p>Why: Logback's converter keeps its abbreviations in a map behind a {@code synchronized} method that also counts
 * and reorders on every event, so logging threads take turns there. Here a name is asked of Logback's converter once
 * (the same abbreviation in every Logback version) and later events read it from a concurrent map.
 */
final class LoggerNameConverter extends ClassicConverter
{
    // Names beyond this many are asked of Logback's converter every time, as before: memory stays bounded even when
    // an application makes loggers from unbounded names.
    static final int MAX_REMEMBERED = 4096;

    private final LoggerConverter logback;
    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

    private LoggerNameConverter(LoggerConverter logback)
    {
        this.logback = logback;
        setFormattingInfo(logback.getFormattingInfo());
        setContext(logback.getContext());
    }

    /** A converter to use in place of {@code converter}: one of these for Logback's own logger converter. */
    static Converter<ILoggingEvent> inPlaceOf(Converter<ILoggingEvent> converter)
    {
        // Exactly Logback's class: a subclass may name events differently.
        if (converter.getClass() != LoggerConverter.class)
        {
            return converter;
        }
        LoggerNameConverter replacement = new LoggerNameConverter((LoggerConverter) converter);
        replacement.start();
        return replacement;
    }

    @Override
    public String convert(ILoggingEvent event)
    {
        String name = event.getLoggerName();
        String text = name == null ? null : texts.get(name);
        if (text != null)
        {
            return text;
        }
        text = logback.convert(event);
        if (name != null && text != null && texts.size() < MAX_REMEMBERED)
        {
            texts.putIfAbsent(name, text);
        }
        return text;
    }

    int remembered()
    {
        return texts.size();
    }
}
