package io.github.cwlappender.core;

/**
 * Small text rules the adapters share.
 *
 * @since 0.1.0
 */
public final class MessageText
{
    private MessageText()
    {
    }

    /**
     * Removes one trailing line break ({@code \n} or {@code \r\n}). Layouts end lines for files and consoles;
     * a CloudWatch event is already one record, and the console shows the break as an empty line.
     */
    public static String withoutTrailingLineBreak(String message)
    {
        int end = message.length();
        if (end > 0 && message.charAt(end - 1) == '\n')
        {
            end--;
            if (end > 0 && message.charAt(end - 1) == '\r')
            {
                end--;
            }
        }
        return end == message.length() ? message : message.substring(0, end);
    }
}
