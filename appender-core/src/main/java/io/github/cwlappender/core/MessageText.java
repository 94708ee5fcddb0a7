package io.github.cwlappender.core;

/**
 * Small text rules the adapters share.
 *
 * @since 0.1.0
 */
public final class MessageText
{
    // A layout formats into this thread's builder instead of a new one per event. Plain ThreadLocal holding a JDK
    // class, so that a web application's class loader is never kept alive by a thread of the container.
    private static final ThreadLocal<StringBuilder> BUILDERS = new ThreadLocal<>();
    private static final int INITIAL_BUILDER_CHARS = 512;
    // A builder that grew past this for one large event (a deep stack trace) is shrunk back after it.
    private static final int MAX_KEPT_BUILDER_CHARS = 16 * 1024;

    private MessageText()
    {
    }

    /**
     * An empty builder to format one event into, then pass to {@link #takeLine}: the calling thread's own, reused
     * from event to event, or a new one when the thread's own is in use (a layout that logs while it formats).
     *
     * @since 0.2.0
     */
    public static StringBuilder lineBuilder()
    {
        StringBuilder builder = BUILDERS.get();
        if (builder == null)
        {
            builder = new StringBuilder(INITIAL_BUILDER_CHARS);
            BUILDERS.set(builder);
            return builder;
        }
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
        builder.setLength(0);
        if (builder.capacity() > MAX_KEPT_BUILDER_CHARS && BUILDERS.get() == builder)
        {
            BUILDERS.set(new StringBuilder(INITIAL_BUILDER_CHARS));
        }
        return line;
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
