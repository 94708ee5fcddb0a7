package io.github.cwlappender.it.reliability;

/**
 * Messages that carry a unique id at their start, {@code #<id>|...}, so that each stored event can be traced back
 * to the append that produced it. The id is ASCII and short, so truncation never cuts it.
 */
final class EventIds
{
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
