package io.github.cwlappender.logback;

/**
 * Knows whether the calling thread is already inside one appender's {@code doAppend}: an event logged while the
 * appender formats another one on the same thread (an argument's {@code toString()}, a filter or a layout that logs)
 * must not be formatted in its turn, or a message that logs itself would recurse without end.
 *
 * <p>Why not Logback's own guard: up to 1.5 it drops such an event without counting it, and 1.6 has none for this
 * kind of appender. Here the appender counts it, in every version. Each thread has one flag, read once per event and
 * written in place (Logback's sets a {@code ThreadLocal} twice per event).
 */
final class ReentryGuard
{
    // The flag is written twice per event: 64 bytes on each side of it, so that two threads' flags never share a
    // cache line, wherever a collection moves them.
    private static final int PADDING = 8;
    private static final int FLAG = PADDING;
    // A JDK array, so that a thread of a container never keeps a web application's class loader alive.
    private final ThreadLocal<long[]> flags = ThreadLocal.withInitial(() -> new long[2 * PADDING + 1]);

    /** Marks the thread as inside and returns the mark to {@link #exit} with, or null when it was inside already. */
    long[] enter()
    {
        long[] flag = flags.get();
        if (flag[FLAG] != 0)
        {
            return null;
        }
        flag[FLAG] = 1;
        return flag;
    }

    /** Clears the mark {@link #enter} returned. */
    static void exit(long[] mark)
    {
        mark[FLAG] = 0;
    }
}
