package io.github.cwlappender.it.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Generates the rule-fuzz events and computes, independently of the engine's code, what the service rules say must
 * become of each one.
 *
 * <p>Timestamps run from 30 days in the past to 3 hours in the future. The engine refuses events older than
 * 14 days - 10 min or newer than 2 h - 1 min at the time its batcher sees them; no timestamp is generated near those
 * limits (ages between 14 d - 20 min and 14 d + 10 min, leads between 2 h - 5 min and 2 h + 5 min), so the outcome
 * is certain as long as the test finishes within {@link #MAX_RUN_MILLIS} of the reference time.
 */
final class FuzzEvents
{
    static final long MAX_RUN_MILLIS = TimeUnit.MINUTES.toMillis(6);

    private static final long MINUTE = TimeUnit.MINUTES.toMillis(1);
    private static final long HOUR = TimeUnit.HOURS.toMillis(1);
    private static final long DAY = TimeUnit.DAYS.toMillis(1);
    private static final long OLDEST_VALID_AGE = 14 * DAY - 20 * MINUTE;
    private static final long YOUNGEST_TOO_OLD_AGE = 14 * DAY + 10 * MINUTE;
    private static final long FURTHEST_VALID_LEAD = 2 * HOUR - 5 * MINUTE;
    private static final long NEAREST_TOO_NEW_LEAD = 2 * HOUR + 5 * MINUTE;

    private static final String[] ONE_BYTE = {"a", "Z", "7", " ", "-", "\"", "\\", "\n", "\t", "/", "{", "}"};
    private static final String[] TWO_BYTES = {"\u00e9", "\u00df", "\u0436", "\u05e2", "\u00a9"};
    private static final String[] THREE_BYTES = {"\u20ac", "\u4e2d", "\u2603", "\ufffd", "\u0800", "\uffff"};
    private static final String[] FOUR_BYTES = {"\ud83d\ude00", "\ud834\udd1e", "\ud841\udf0e", "\udbff\udfff",
        "\ud800\udc00"};
    private static final String[] LONE_SURROGATES = {"\ud83d", "\ude00", "\ude00\ud83d", "\udbff", "\udc00"};
    /** A character of each UTF-8 width, and lone surrogates (3 bytes once replaced by U+FFFD). */
    private static final String[] EDGE_CHARS = {"a", "\u00e9", "\u20ac", "\ud83d\ude00", "\ud83d", "\ude00"};

    /** What becomes of one event. */
    enum Outcome
    {
        STORED, OVERSIZE, EMPTY, TOO_OLD, TOO_NEW
    }

    /** One generated event; the message may hold lone surrogates, as any Java String may. */
    static final class Event
    {
        final long timestamp;
        final String message;

        Event(long timestamp, String message)
        {
            this.timestamp = timestamp;
            this.message = message;
        }
    }

    private final long referenceMillis;
    private final Random random;

    FuzzEvents(long referenceMillis, long seed)
    {
        this.referenceMillis = referenceMillis;
        this.random = new Random(seed);
    }

    /**
     * A random event: mostly small messages stamped within the last two minutes (or up to one minute ahead, as
     * from a skewed clock), out of order; a few far in the past or the future; a few empty; a few of tens of KB.
     * Timestamps are even, so that tests may give odd ones a meaning of their own.
     */
    Event random(String id)
    {
        int kind = random.nextInt(1000);
        long timestamp;
        if (kind < 10)
        {
            timestamp = referenceMillis - between(YOUNGEST_TOO_OLD_AGE, 30 * DAY);
        }
        else if (kind < 15)
        {
            timestamp = referenceMillis + between(NEAREST_TOO_NEW_LEAD, 3 * HOUR);
        }
        else if (kind < 25)
        {
            timestamp = referenceMillis + between(-OLDEST_VALID_AGE, FURTHEST_VALID_LEAD);
        }
        else
        {
            timestamp = recent();
        }
        timestamp &= ~1L;
        String message;
        if (kind >= 25 && kind < 40)
        {
            // Empty messages get a valid timestamp: an event is refused for one reason only.
            message = "";
        }
        else if (kind >= 40 && kind < 43)
        {
            message = EventIds.message(id, text(1_000 + random.nextInt(64_000), 0.001));
        }
        else
        {
            message = EventIds.message(id, text(random.nextInt(120), 0.02));
        }
        return new Event(timestamp, message);
    }

    /** A timestamp within the last two minutes or up to one minute ahead, even. */
    long recent()
    {
        return (referenceMillis + between(-2 * MINUTE, MINUTE)) & ~1L;
    }

    /**
     * Messages around a size limit: for each character width (and for lone surrogates) a message whose character
     * starts at every byte position around {@code limit}, with and without text after it, plus plain ASCII of
     * exactly the limit and one byte either side, plus a few messages of about 2 MB.
     */
    List<String> aroundLimit(int limit, String idPrefix, boolean twoMegabytes)
    {
        List<String> bodies = new ArrayList<>();
        for (String c : EDGE_CHARS)
        {
            int width = utf8Length(replaceLoneSurrogates(c));
            for (int before = 0; before <= width; before++)
            {
                for (int tail : new int[] {0, 3})
                {
                    bodies.add(c + "|" + before + "|" + tail);
                }
            }
        }
        List<String> messages = new ArrayList<>();
        int n = 0;
        for (String spec : bodies)
        {
            String[] parts = spec.split("\\|", -1);
            String c = parts[0];
            int before = Integer.parseInt(parts[1]);
            int tail = Integer.parseInt(parts[2]);
            String prefix = "#" + idPrefix + "-" + n++ + "|";
            // The character starts "before" bytes ahead of the limit, so that many of its bytes would fit.
            int filler = limit - before - prefix.length();
            messages.add(prefix + "x".repeat(filler) + c + "y".repeat(tail));
        }
        for (int delta = -1; delta <= 1; delta++)
        {
            String prefix = "#" + idPrefix + "-" + n++ + "|";
            messages.add(prefix + "x".repeat(limit + delta - prefix.length()));
        }
        if (twoMegabytes)
        {
            for (int i = 0; i < 3; i++)
            {
                String prefix = "#" + idPrefix + "-" + n++ + "|";
                messages.add(prefix + text(1_050_000, 0.0001));
            }
            String prefix = "#" + idPrefix + "-" + n++ + "|";
            messages.add(prefix + "z".repeat(2 * 1024 * 1024 - prefix.length()));
        }
        return messages;
    }

    /** Random text of {@code chars} characters of every UTF-8 width, with lone surrogates at this rate. */
    String text(int chars, double loneSurrogateRate)
    {
        StringBuilder sb = new StringBuilder(chars * 2);
        for (int i = 0; i < chars; i++)
        {
            if (random.nextDouble() < loneSurrogateRate)
            {
                sb.append(pick(LONE_SURROGATES));
                continue;
            }
            int w = random.nextInt(100);
            sb.append(w < 55 ? pick(ONE_BYTE) : w < 70 ? pick(TWO_BYTES) : w < 85 ? pick(THREE_BYTES)
                    : pick(FOUR_BYTES));
        }
        return sb.toString();
    }

    private String pick(String[] choices)
    {
        return choices[random.nextInt(choices.length)];
    }

    private long between(long low, long high)
    {
        return low + (long) (random.nextDouble() * (high - low));
    }

    /** What the rules say becomes of this event, judged against the reference time. */
    Outcome outcome(Event e, int maxEventBytes)
    {
        if (e.message.isEmpty())
        {
            return Outcome.EMPTY;
        }
        long age = referenceMillis - e.timestamp;
        if (age >= YOUNGEST_TOO_OLD_AGE)
        {
            return Outcome.TOO_OLD;
        }
        if (-age >= NEAREST_TOO_NEW_LEAD)
        {
            return Outcome.TOO_NEW;
        }
        if (age > OLDEST_VALID_AGE || -age > FURTHEST_VALID_LEAD)
        {
            throw new IllegalStateException("generated a timestamp inside a margin band: " + e.timestamp);
        }
        return utf8Length(replaceLoneSurrogates(e.message)) > maxEventBytes ? Outcome.OVERSIZE : Outcome.STORED;
    }

    /** Each lone surrogate replaced by U+FFFD, since no lone surrogate can be encoded as UTF-8. */
    static String replaceLoneSurrogates(String s)
    {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
            {
                sb.append('\ufffd');
            }
            else
            {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** UTF-8 bytes of a well-formed string. */
    static int utf8Length(String wellFormed)
    {
        return wellFormed.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of whole characters of at most {@code maxBytes} UTF-8 bytes. */
    static String utf8Prefix(String wellFormed, int maxBytes)
    {
        int bytes = 0;
        int end = 0;
        while (end < wellFormed.length())
        {
            int cp = wellFormed.codePointAt(end);
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + width > maxBytes)
            {
                break;
            }
            bytes += width;
            end += Character.charCount(cp);
        }
        return wellFormed.substring(0, end);
    }

    /** True when the string holds a surrogate that is not half of a pair. */
    static boolean hasLoneSurrogate(String s)
    {
        return s.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
}
