package io.github.cwlappender.core.internal.naming;

/**
 * Makes names the service accepts out of whatever the environment supplies. Log group: 1-512 characters of
 * {@code A-Z a-z 0-9 _ - / . #}, not starting with {@code aws/}. Log stream: 1-512 characters, no {@code :} and no
 * {@code *}. Substituted values also lose braces, so a partly expanded name never grows new tokens.
 */
public final class NameSanitizer
{
    public static final int MAX_NAME_LENGTH = 512;
    /** Stands for a name that came out empty. */
    public static final String EMPTY_NAME = "unnamed";
    private static final char REPLACEMENT = '_';

    private NameSanitizer()
    {
    }

    /** True for the characters a log group name may hold. */
    public static boolean isLogGroupChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                || c == '/' || c == '.' || c == '#';
    }

    /** True for the characters a log stream name may not hold. */
    public static boolean isForbiddenInLogStream(char c)
    {
        return c == ':' || c == '*';
    }

    /** A value for a log group name: every other character becomes {@code _}. */
    public static String groupValue(String value)
    {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++)
        {
            char c = value.charAt(i);
            if (!isLogGroupChar(c))
            {
                out = replaceAt(out, value, i);
            }
            else if (out != null)
            {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** A value for a log stream name: {@code : * { }}, control characters and lone surrogates become {@code _}. */
    public static String streamValue(String value)
    {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++)
        {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair)
            {
                if (out != null)
                {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
            }
            else if (isForbiddenInLogStream(c) || c == '{' || c == '}' || Character.isISOControl(c)
                    || Character.isSurrogate(c))
            {
                out = replaceAt(out, value, i);
            }
            else if (out != null)
            {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }

    /** The finished log group name: at most 512 characters, never empty, never under {@code aws/}. */
    public static String groupName(String name)
    {
        String legal = groupValue(name);
        if (legal.startsWith("aws/"))
        {
            legal = REPLACEMENT + legal;
        }
        return nonEmpty(truncate(legal));
    }

    /** The finished log stream name: at most 512 characters, never empty. */
    public static String streamName(String name)
    {
        StringBuilder legal = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++)
        {
            char c = name.charAt(i);
            legal.append(isForbiddenInLogStream(c) ? REPLACEMENT : c);
        }
        return nonEmpty(truncate(legal.toString()));
    }

    private static String truncate(String name)
    {
        if (name.length() <= MAX_NAME_LENGTH)
        {
            return name;
        }
        int end = MAX_NAME_LENGTH;
        if (Character.isHighSurrogate(name.charAt(end - 1)))
        {
            // Never leave half a character behind.
            end--;
        }
        return name.substring(0, end);
    }

    private static String nonEmpty(String name)
    {
        return name.isEmpty() ? EMPTY_NAME : name;
    }

    private static StringBuilder replaceAt(StringBuilder out, String value, int i)
    {
        StringBuilder b = out != null ? out : new StringBuilder(value.length()).append(value, 0, i);
        return b.append(REPLACEMENT);
    }
}
