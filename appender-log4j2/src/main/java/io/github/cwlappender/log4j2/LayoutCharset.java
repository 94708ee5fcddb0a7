package io.github.cwlappender.log4j2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.StringLayout;

/**
 * The charset to read a layout's bytes in, for layouts that make bytes only. A {@link StringLayout} (pattern, JSON
 * template, CSV, ...) is asked for its text, which no charset touches; any other layout's bytes are read in its own
 * charset: its {@link StringLayout#getCharset()} where it has one, else the {@code charset} of its content type
 * (as {@code text/plain; charset=UTF-16}), else UTF-8.
 */
final class LayoutCharset
{
    private LayoutCharset()
    {
    }

    static Charset of(Layout<?> layout)
    {
        if (layout instanceof StringLayout && ((StringLayout) layout).getCharset() != null)
        {
            return ((StringLayout) layout).getCharset();
        }
        String contentType = layout == null ? null : layout.getContentType();
        if (contentType != null)
        {
            for (String parameter : contentType.split(";"))
            {
                String p = parameter.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset="))
                {
                    try
                    {
                        return Charset.forName(p.substring("charset=".length()).replace("\"", "").trim());
                    }
                    catch (IllegalArgumentException unknown)
                    {
                        // A content type naming no charset this JVM knows: UTF-8, as below.
                        break;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
