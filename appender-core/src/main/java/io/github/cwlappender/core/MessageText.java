package io.github.cwlappender.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Small text rules the adapters share.
 *
 * @since 0.1.0
 */
public final class MessageText
{
    private static final int INITIAL_BUILDER_CHARS = 512;
    // A layout formats into this thread's builder instead of a new one per event. The values are JDK classes, so
    // that a web application's class loader is never kept alive by a thread of the container. Made by withInitial,
    // so that a thread's first event takes no branch of ours that compiled code has never seen: such a branch
    // discarded the compiled logging path (the framework's, with our appender inlined) at every new thread's first
    // event, and recompiling that path took the compiler about 0.3 s.
    private static final ThreadLocal<StringBuilder> BUILDERS =
            ThreadLocal.withInitial(() -> new StringBuilder(INITIAL_BUILDER_CHARS));
    // A builder that grew past this for one large event (a deep stack trace) is shrunk back after it.
    private static final int MAX_KEPT_BUILDER_CHARS = 16 * 1024;
    // The thread's UTF-8 encoder and its char and byte buffers, in an array of JDK classes for the same reasons.
    private static final ThreadLocal<Object[]> ENCODING = ThreadLocal.withInitial(MessageText::newEncoding);
    private static final int ENCODER = 0;
    private static final int CHARS = 1;
    private static final int BYTES = 2;
    private static final int MAX_UTF8_BYTES_PER_CHAR = 3;
    private static final byte[] UTF8_REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private MessageText()
    {
    }

    /**
     * An empty builder to format one event into, then pass to {@link #takeLine} or {@link #takeUtf8}: the calling
     * thread's own, reused from event to event, or a new one when the thread's own is in use (a layout that logs while
     * it formats).
     *
     * @since 0.2.0
     */
    public static StringBuilder lineBuilder()
    {
        StringBuilder builder = BUILDERS.get();
        // Non-empty: an outer format on this thread is writing into it. Empty is safe to share even then, since a
        // nested format finishes (and empties it) before the outer one writes on.
        return builder.length() == 0 ? builder : new StringBuilder(INITIAL_BUILDER_CHARS);
    }

    /**
     * The builder's text without one trailing line break, as the one copy that leaves it; empties the builder for
     * the next event.
     *
     * @since 0.2.0
     */
    public static String takeLine(StringBuilder builder)
    {
        String line = builder.substring(0, lengthWithoutTrailingLineBreak(builder));
        emptyForNextEvent(builder);
        return line;
    }

    private static void emptyForNextEvent(StringBuilder builder)
    {
        builder.setLength(0);
        if (builder.capacity() > MAX_KEPT_BUILDER_CHARS && BUILDERS.get() == builder)
        {
            BUILDERS.set(new StringBuilder(INITIAL_BUILDER_CHARS));
        }
    }

    /**
     * The builder's text without one trailing line break, encoded as UTF-8 into the one array that leaves it (exactly
     * as long as the bytes), for {@link CloudWatchLogsEngine#appendUtf8}; empties the builder for the next event. A
     * lone surrogate becomes U+FFFD, as the engine makes it of a string's. The characters pass through buffers the
     * calling thread keeps for the next event, as its builder is kept.
     *
     * @since 0.2.0
     */
    public static byte[] takeUtf8(StringBuilder builder)
    {
        try
        {
            return utf8Of(builder, lengthWithoutTrailingLineBreak(builder));
        }
        finally
        {
            emptyForNextEvent(builder);
        }
    }

    private static Object[] newEncoding()
    {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(UTF8_REPLACEMENT_CHARACTER);
        return new Object[] {encoder, CharBuffer.allocate(INITIAL_BUILDER_CHARS),
            ByteBuffer.allocate(MAX_UTF8_BYTES_PER_CHAR * INITIAL_BUILDER_CHARS)};
    }

    private static byte[] utf8Of(StringBuilder text, int length)
    {
        Object[] buffers = ENCODING.get();
        CharBuffer chars = (CharBuffer) buffers[CHARS];
        ByteBuffer bytes = (ByteBuffer) buffers[BYTES];
        if (chars.capacity() < length)
        {
            chars = CharBuffer.allocate(length);
            bytes = ByteBuffer.allocate(MAX_UTF8_BYTES_PER_CHAR * length);
        }
        text.getChars(0, length, chars.array(), 0);
        chars.position(0).limit(length);
        bytes.clear();
        CharsetEncoder encoder = (CharsetEncoder) buffers[ENCODER];
        encoder.reset();
        // Room for three bytes per char (the most UTF-8 takes for one) and REPLACE for what cannot be encoded: the
        // encoder can neither overflow nor fail.
        encoder.encode(chars, bytes, true);
        encoder.flush(bytes);
        // Buffers grown for one large event are not kept: the next event starts again from the initial size.
        if (length <= MAX_KEPT_BUILDER_CHARS)
        {
            buffers[CHARS] = chars;
            buffers[BYTES] = bytes;
        }
        return Arrays.copyOf(bytes.array(), bytes.position());
    }

    /**
     * Removes one trailing line break ({@code \n} or {@code \r\n}). Layouts end lines for files and consoles;
     * a CloudWatch event is already one record, and the console shows the break as an empty line.
     */
    public static String withoutTrailingLineBreak(String message)
    {
        int end = lengthWithoutTrailingLineBreak(message);
        return end == message.length() ? message : message.substring(0, end);
    }

    /**
     * The length of encoded text without one trailing line break ({@code \n} or {@code \r\n}, as single bytes in
     * UTF-8 and in any ASCII-compatible charset), for {@link CloudWatchLogsEngine#appendUtf8}. Zero for null.
     *
     * @since 0.2.0
     */
    public static int byteLengthWithoutTrailingLineBreak(byte[] bytes)
    {
        if (bytes == null)
        {
            return 0;
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n')
        {
            end--;
            if (end > 0 && bytes[end - 1] == '\r')
            {
                end--;
            }
        }
        return end;
    }

    /**
     * The length of the text without one trailing line break ({@code \n} or {@code \r\n}), for
     * {@link CloudWatchLogsEngine#append(long, String, int, boolean)}: the line break is left out without copying the
     * text. Zero for null, which the engine counts as an empty message.
     *
     * @since 0.2.0
     */
    public static int lengthWithoutTrailingLineBreak(CharSequence text)
    {
        if (text == null)
        {
            return 0;
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n')
        {
            end--;
            if (end > 0 && text.charAt(end - 1) == '\r')
            {
                end--;
            }
        }
        return end;
    }
}
