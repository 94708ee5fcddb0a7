package io.github.cwlappender.it.reliability;

import io.github.cwlappender.core.StatusListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Keeps every status report of an engine, with its level, cause and arrival time. */
final class RecordingStatus implements StatusListener
{
    /** One report. */
    static final class Entry
    {
        final String level;
        final String message;
        final Throwable cause;
        final long atNanos;

        Entry(String level, String message, Throwable cause)
        {
            this.level = level;
            this.message = message;
            this.cause = cause;
            this.atNanos = System.nanoTime();
        }

        @Override
        public String toString()
        {
            return level + " " + message + (cause == null ? "" : " / " + stackTrace(cause));
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void info(String message)
    {
        add("INFO", message, null);
    }

    @Override
    public void warn(String message, Throwable cause)
    {
        add("WARN", message, cause);
    }

    @Override
    public void error(String message, Throwable cause)
    {
        add("ERROR", message, cause);
    }

    private synchronized void add(String level, String message, Throwable cause)
    {
        entries.add(new Entry(level, message, cause));
    }

    synchronized List<Entry> entries()
    {
        return new ArrayList<>(entries);
    }

    /** Reports of this level whose message contains every one of the fragments. */
    synchronized List<Entry> matching(String level, String... fragments)
    {
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries)
        {
            if (e.level.equals(level) && containsAll(e.message, fragments))
            {
                found.add(e);
            }
        }
        return found;
    }

    /** Every message and every cause (with its stack trace), for searching the whole output. */
    synchronized String allText()
    {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries)
        {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    private static boolean containsAll(String text, String... fragments)
    {
        for (String f : fragments)
        {
            if (!text.contains(f))
            {
                return false;
            }
        }
        return true;
    }

    static String stackTrace(Throwable t)
    {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
