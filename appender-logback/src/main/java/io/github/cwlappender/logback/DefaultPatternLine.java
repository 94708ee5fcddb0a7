package io.github.cwlappender.logback;

import ch.qos.logback.classic.pattern.DateConverter;
import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.LevelConverter;
import ch.qos.logback.classic.pattern.LineSeparatorConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThreadConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.FormatInfo;
import ch.qos.logback.core.pattern.FormattingConverter;
import ch.qos.logback.core.pattern.LiteralConverter;

/**
 * Writes the line of {@link CloudWatchLogsAppender#DEFAULT_PATTERN} in one pass: the same text as the layout's
 * converter chain, without calling through the chain.
 *
 * <p>Why: on the logging thread, going through the chain's eleven converters (two virtual calls each, one of them to
 * a call site that sees every converter class, plus the generic padding of each) cost more than the text they write.
 * The date, the logger's name and a stack trace still come from the chain's own converters, so their text is
 * Logback's; the rest (the level padded to five, the thread's name, the message, the literals) is what the chain's
 * converters write in every Logback version from 1.3 on. It is used only for a chain of exactly that shape, which
 * the default pattern with any date format or logger length ({@code %d{HH:mm:ss}}, {@code %logger{10}}) also has.
 */
final class DefaultPatternLine
{
    private static final int LEVEL_WIDTH = 5;
    private static final String[] LITERALS = {" ", " [", "] ", " - "};

    private final Converter<ILoggingEvent> date;
    private final LoggerNameConverter loggerName;
    private final String lineSeparator;
    private final Converter<ILoggingEvent> throwable;

    private DefaultPatternLine(Converter<ILoggingEvent> date, LoggerNameConverter loggerName, String lineSeparator,
            Converter<ILoggingEvent> throwable)
    {
        this.date = date;
        this.loggerName = loggerName;
        this.lineSeparator = lineSeparator;
        this.throwable = throwable;
    }

    /**
     * The writer for {@code chain}, a layout's chain with {@link LoggerNameConverter} in place, when it has the
     * default pattern's shape; null when it has any other (then the chain itself is used).
     */
    static DefaultPatternLine of(Converter<ILoggingEvent>[] chain)
    {
        if (chain.length != 11
                || !isPlain(chain[0], DateConverter.class)
                || !isLiteral(chain[1], LITERALS[0])
                || !isLeftAlignedLevel(chain[2])
                || !isLiteral(chain[3], LITERALS[1])
                || !isPlain(chain[4], ThreadConverter.class)
                || !isLiteral(chain[5], LITERALS[2])
                || !isPlain(chain[6], LoggerNameConverter.class)
                || !isLiteral(chain[7], LITERALS[3])
                || !isPlain(chain[8], MessageConverter.class)
                || !isPlain(chain[9], LineSeparatorConverter.class)
                || !(isPlain(chain[10], ThrowableProxyConverter.class)
                        || isPlain(chain[10], ExtendedThrowableProxyConverter.class)))
        {
            return null;
        }
        return new DefaultPatternLine(chain[0], (LoggerNameConverter) chain[6], chain[9].convert(null), chain[10]);
    }

    /** Appends the event's line, ending in the pattern's line break and any stack trace, as the chain would. */
    void write(StringBuilder line, ILoggingEvent event)
    {
        line.append(date.convert(event)).append(LITERALS[0]);
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < LEVEL_WIDTH; i++)
        {
            line.append(' ');
        }
        line.append(LITERALS[1]).append(event.getThreadName()).append(LITERALS[2])
                .append(loggerName.convert(event)).append(LITERALS[3])
                .append(event.getFormattedMessage())
                .append(lineSeparator);
        if (event.getThrowableProxy() != null)
        {
            throwable.write(line, event);
        }
    }

    /** Exactly {@code type}, with no width or truncation of its own. */
    private static boolean isPlain(Converter<ILoggingEvent> converter, Class<?> type)
    {
        return converter.getClass() == type && ((FormattingConverter<ILoggingEvent>) converter).getFormattingInfo() == null;
    }

    private static boolean isLiteral(Converter<ILoggingEvent> converter, String text)
    {
        return converter.getClass() == LiteralConverter.class && text.equals(converter.convert(null));
    }

    /** {@code %-5level}: at least five characters, padded on the right, never cut. */
    private static boolean isLeftAlignedLevel(Converter<ILoggingEvent> converter)
    {
        if (converter.getClass() != LevelConverter.class)
        {
            return false;
        }
        FormatInfo width = ((LevelConverter) converter).getFormattingInfo();
        return width != null && width.getMin() == LEVEL_WIDTH && !width.isLeftPad()
                && width.getMax() == Integer.MAX_VALUE;
    }
}
