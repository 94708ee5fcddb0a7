package io.github.cwlappender.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.MessageText;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns what an {@code <encoder>} makes of an event into the text to send, never mis-decoding it: CloudWatch Logs
 * takes text, while an encoder makes bytes in its own charset (ISO-8859-1, UTF-16, Shift_JIS, ...).
 *
 * <ul>
 *   <li>A {@link LayoutWrappingEncoder} (such as {@code PatternLayoutEncoder}) that does not change what it encodes
 *   is asked for its layout's text directly: no bytes, so no charset, and no character its charset could not
 *   hold is lost.
 *   <li>Any other encoder's bytes are read in the charset it encodes with: its {@code getCharset()} when it has
 *   one ({@link LayoutWrappingEncoder} and most encoders that let a charset be chosen; the platform default when a
 *   {@link LayoutWrappingEncoder}'s is unset, as it then encodes with that), otherwise UTF-8, which is what encoders
 *   without a charset setting (Logback's {@code JsonEncoder}) write. UTF-8 bytes go to the engine as they are
 *   ({@link CloudWatchLogsEngine#appendUtf8}: no decoding on the logging thread; the batcher checks them); bytes in
 *   any other charset are decoded into text.
 * </ul>
 */
final class EncoderText
{
    private EncoderText()
    {
    }

    /** The formatter for a started encoder. */
    static EventFormatter of(Encoder<ILoggingEvent> encoder)
    {
        if (encoder instanceof LayoutWrappingEncoder && !overridesEncode(encoder))
        {
            Layout<ILoggingEvent> layout = ((LayoutWrappingEncoder<ILoggingEvent>) encoder).getLayout();
            if (layout != null)
            {
                return layout::doLayout;
            }
        }
        Charset charset = charsetOf(encoder);
        if (StandardCharsets.UTF_8.equals(charset))
        {
            return new Utf8Bytes(encoder);
        }
        return event -> new String(encoder.encode(event), charset);
    }

    /** An encoder that writes UTF-8: its bytes are what the engine sends, so they go to it as they are. */
    private static final class Utf8Bytes implements EventFormatter
    {
        private final Encoder<ILoggingEvent> encoder;

        Utf8Bytes(Encoder<ILoggingEvent> encoder)
        {
            this.encoder = encoder;
        }

        @Override
        public String format(ILoggingEvent event)
        {
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        }

        @Override
        public boolean appendTo(CloudWatchLogsEngine engine, ILoggingEvent event, boolean important)
        {
            byte[] line = encoder.encode(event);
            int length = MessageText.byteLengthWithoutTrailingLineBreak(line);
            return engine.appendUtf8(event.getTimeStamp(), line, length, important);
        }
    }

    /** The charset the encoder's bytes are in. */
    static Charset charsetOf(Encoder<?> encoder)
    {
        if (encoder instanceof LayoutWrappingEncoder)
        {
            Charset charset = ((LayoutWrappingEncoder<?>) encoder).getCharset();
            // An unset charset makes LayoutWrappingEncoder encode with the platform default.
            return charset != null ? charset : Charset.defaultCharset();
        }
        try
        {
            Method getter = encoder.getClass().getMethod("getCharset");
            if (Charset.class.isAssignableFrom(getter.getReturnType()))
            {
                Charset charset = (Charset) getter.invoke(encoder);
                if (charset != null)
                {
                    return charset;
                }
            }
        }
        catch (ReflectiveOperationException | RuntimeException noCharsetGetter)
        {
            // An encoder without a charset setting: UTF-8, as below.
        }
        return StandardCharsets.UTF_8;
    }

    /** True when a subclass changes what {@link LayoutWrappingEncoder#encode} makes of the layout's text. */
    private static boolean overridesEncode(Encoder<?> encoder)
    {
        try
        {
            return encoder.getClass().getMethod("encode", Object.class).getDeclaringClass()
                    != LayoutWrappingEncoder.class;
        }
        catch (NoSuchMethodException e)
        {
            return true;
        }
    }
}
