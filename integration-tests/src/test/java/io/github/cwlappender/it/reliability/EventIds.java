package io.github.cwlappender.it.reliability;

/**
 * Messages that carry a unique id at their start, {@code #<id>|...}, so that each stored event can be traced back
 * to the append that produced it. The id is ASCII and short, so truncation never cuts it.
 */
final class EventIds
{
    private static final String FILLER = filler(4096);

    private EventIds()
    {
    }

    static String id(String scenario, int thread, long sequence)
    {
        return scenario + "-" + thread + "-" + sequence;
    }

    static String message(String id, String body)
    {
        return "#" + id + "|" + body;
    }

    static String message(String scenario, int thread, long sequence)
    {
        return message(id(scenario, thread, sequence), " event " + sequence + " of thread " + thread);
    }

    /**
     * A message of exactly {@code length} characters (ASCII, so as many bytes): the id, then filler. The length is
     * at least the id's.
     */
    static String message(String scenario, int thread, long sequence, int length)
    {
        String head = "#" + id(scenario, thread, sequence) + "|";
        int fill = Math.max(0, length - head.length());
        return head + FILLER.substring(0, fill);
    }

    private static String filler(int length)
    {
        String words = "the quick brown fox jumps over the lazy dog 0123456789 ";
        StringBuilder sb = new StringBuilder(length + words.length());
        while (sb.length() < length)
        {
            sb.append(words);
        }
        return sb.substring(0, length);
    }

    /** The id at the start of a message, or null when it has none (a later piece of a split event). */
    static String idOf(String message)
    {
        if (message.isEmpty() || message.charAt(0) != '#')
        {
            return null;
        }
        int end = message.indexOf('|');
        return end < 0 ? null : message.substring(1, end);
    }
}
