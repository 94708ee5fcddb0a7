package io.github.cwlappender.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
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
 *   <li>Any other encoder's bytes are decoded with the charset it encodes with: its {@code getCharset()} when it has
 *   one ({@link LayoutWrappingEncoder} and most encoders that let a charset be chosen; the platform default when a
 *   {@link LayoutWrappingEncoder}'s is unset, as it then encodes with that), otherwise UTF-8, which is what encoders
 *   without a charset setting (Logback's {@code JsonEncoder}) write.
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
        return event -> new String(encoder.encode(event), charset);
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
