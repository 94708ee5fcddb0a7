package io.github.cwlappender.testsupport.fake;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The service's rules for names, retention periods, log group classes and tags. */
final class NameRules
{
    static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);
    static final List<String> LOG_GROUP_CLASSES = List.of("STANDARD", "INFREQUENT_ACCESS", "DELIVERY");
    static final int MAX_NAME_LENGTH = 512;
    static final int MAX_TAGS = 50;

    private static final Pattern LOG_GROUP_NAME = Pattern.compile("[A-Za-z0-9_\\-/.#]{1,512}");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private NameRules()
    {
    }

    static void checkLogGroupName(String name)
    {
        if (name == null || !LOG_GROUP_NAME.matcher(name).matches() || name.startsWith("aws/"))
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + name + "' at 'logGroupName'"
                    + " failed to satisfy constraint: Member must be 1-512 characters of [\\.\\-_/#A-Za-z0-9]+"
                    + " and must not start with aws/");
        }
    }

    static void checkLogStreamName(String name)
    {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.indexOf(':') >= 0
                || name.indexOf('*') >= 0)
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + name + "' at"
                    + " 'logStreamName' failed to satisfy constraint: Member must be 1-512 characters of"
                    + " [^:*]*");
        }
    }

    static void checkRetentionDays(Integer days)
    {
        if (days == null || !RETENTION_DAYS.contains(days))
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + days + "' at"
                    + " 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: "
                    + RETENTION_DAYS);
        }
    }

    static void checkLogGroupClass(String logGroupClass)
    {
        if (logGroupClass != null && !LOG_GROUP_CLASSES.contains(logGroupClass))
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + logGroupClass + "' at"
                    + " 'logGroupClass' failed to satisfy constraint: Member must satisfy enum value set: "
                    + LOG_GROUP_CLASSES);
        }
    }

    static void checkTags(Map<String, String> tags)
    {
        if (tags.size() > MAX_TAGS)
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value at 'tags' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_TAGS);
        }
        for (Map.Entry<String, String> tag : tags.entrySet())
        {
            String key = tag.getKey();
            String value = tag.getValue();
            if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches() || key.startsWith("aws:"))
            {
                throw ServiceError.invalidParameter("Invalid tag key '" + key + "': 1-128 characters of letters,"
                        + " digits, spaces and _ . : / = + - @, not starting with aws:");
            }
            if (value == null || value.length() > 256 || !TAG_TEXT.matcher(value).matches())
            {
                throw ServiceError.invalidParameter("Invalid value for tag '" + key + "': 0-256 characters of"
                        + " letters, digits, spaces and _ . : / = + - @");
            }
        }
    }
}
