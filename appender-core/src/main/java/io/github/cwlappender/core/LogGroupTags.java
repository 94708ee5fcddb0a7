package io.github.cwlappender.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code tags} option, {@code key=value,key2=value2}, by the service's rules for log group tags:
 * at most 50, keys of 1-128 and values of 0-256 letters, digits, spaces and {@code _ . : / = + - @}, keys not
 * starting with {@code aws:}.
 */
final class LogGroupTags
{
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private LogGroupTags()
    {
    }

    /** The tags in the order written; empty after adding a problem for each wrong one. */
    static Map<String, String> parse(String text, List<String> problems)
    {
        Map<String, String> tags = new LinkedHashMap<>();
        if (text.trim().isEmpty())
        {
            return tags;
        }
        int before = problems.size();
        for (String pair : text.split(",", -1))
        {
            int equals = pair.indexOf('=');
            if (equals < 0)
            {
                problems.add("tags must be key=value pairs separated by commas, such as team=payments,env=prod; got '"
                        + pair.trim() + "' without '='");
                continue;
            }
            String key = pair.substring(0, equals).trim();
            if (tags.put(key, pair.substring(equals + 1).trim()) != null)
            {
                problems.add("tags: the key '" + key + "' is given twice");
            }
        }
        check(tags, problems);
        return problems.size() == before ? tags : new LinkedHashMap<>();
    }

    static void check(Map<String, String> tags, List<String> problems)
    {
        if (tags.size() > EngineConfig.MAX_TAGS)
        {
            problems.add("tags: at most " + EngineConfig.MAX_TAGS + " tags are allowed on a log group; got "
                    + tags.size());
        }
        for (Map.Entry<String, String> tag : tags.entrySet())
        {
            String key = tag.getKey();
            String value = tag.getValue() == null ? "" : tag.getValue();
            if (key.isEmpty() || key.length() > 128 || !ALLOWED.matcher(key).matches())
            {
                problems.add("tags: a key must be 1-128 letters, digits, spaces and _ . : / = + - @; got '" + key
                        + "'");
            }
            else if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:"))
            {
                problems.add("tags: keys starting with 'aws:' are reserved by AWS; got '" + key + "'");
            }
            if (value.length() > 256 || !ALLOWED.matcher(value).matches())
            {
                problems.add("tags: the value of '" + key + "' must be 0-256 letters, digits, spaces and"
                        + " _ . : / = + - @; got '" + value + "'");
            }
        }
    }
}
