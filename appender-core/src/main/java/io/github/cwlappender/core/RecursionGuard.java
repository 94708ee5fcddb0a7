package io.github.cwlappender.core;

import io.github.cwlappender.core.internal.EngineThread;
import java.util.Arrays;
import java.util.List;

/**
 * Decides which log events an appender must refuse because sending them would make more of them: those logged on
 * the engine's own threads (batcher, senders, stopper) and on the background threads of the AWS SDK and its HTTP
 * clients. The decision is by thread, never by logger name: the application's own {@code software.amazon.awssdk},
 * {@code io.netty} or {@code org.apache.http} logging on its own threads is delivered like any other event, since
 * sending it makes nothing new, while anything the SDK logs while the engine sends runs on an engine thread.
 *
 * @since 0.1.0
 */
public final class RecursionGuard
{
    /**
     * Name prefixes of the threads the AWS SDK and its HTTP clients start for their own work. A name cannot tell
     * whose client a thread serves, so these are refused for every client: what runs there is the SDK's own
     * housekeeping, not the application's.
     */
    private static final String[] SDK_THREAD_NAME_PREFIXES = {
        // Call and attempt timeouts of every SDK client (ours sets both).
        "sdk-ScheduledExecutor-",
        // Completion of asynchronous clients' responses.
        "sdk-async-response-",
        // Credential and token caches refreshing in the background: sdk-cache-scheduler, sdk-cache-<n>.
        "sdk-cache",
        // The Netty HTTP client's event loops.
        "aws-java-sdk-NettyEventLoop-",
        // The Apache HTTP client's connection reaper.
        "idle-connection-reaper",
        // The JDK's HttpURLConnection (under the SDK's URL-connection client) closing idle connections.
        "Keep-Alive-Timer",
        "Keep-Alive-SocketCleaner"};
    // The prefixes above by their first character, so that a name is compared only with those it could start with.
    private static final String[][] SDK_PREFIXES_BY_FIRST_CHAR = byFirstChar(SDK_THREAD_NAME_PREFIXES);

    /**
     * Logger name prefixes that were refused on every thread before events were refused by thread.
     *
     * @deprecated no longer used: events are refused by the thread they were logged on, see
     *     {@link #mustSkipEventOf(String)}
     */
    @Deprecated
    public static final List<String> INTERNAL_LOGGER_PREFIXES = List.of("software.amazon.awssdk",
            "org.apache.http", "org.apache.hc", "io.netty", "sun.net.www.protocol.http", "jdk.internal.httpclient",
            "io.github.cwlappender.core", "io.github.cwlappender.logback", "io.github.cwlappender.log4j2");

    private RecursionGuard()
    {
    }

    /**
     * True when an event logged on the thread called {@code threadName}, now being appended on the current thread,
     * must not go to a CloudWatch Logs appender: either thread is an engine thread, or the event was logged on a
     * background thread of the AWS SDK or its HTTP clients. The name matters when an asynchronous stage (Log4j2
     * async loggers, Logback's {@code AsyncAppender}) hands the event to another thread.
     *
     * @since 0.2.0
     */
    public static boolean mustSkipEventOf(String threadName)
    {
        return EngineThread.isCurrent() || isRefusedThreadName(threadName);
    }

    /**
     * True for the name of an engine thread or of a background thread of the AWS SDK or its HTTP clients.
     *
     * @since 0.2.0
     */
    public static boolean isRefusedThreadName(String threadName)
    {
        if (threadName == null || threadName.isEmpty())
        {
            return false;
        }
        char first = threadName.charAt(0);
        // Engine threads: cwl-<appender>-batcher-<n> and the like.
        if (first == 'c')
        {
            return EngineThread.isEngineThreadName(threadName);
        }
        // Most names start with a character no prefix starts with: one array read for them.
        String[] prefixes = first < SDK_PREFIXES_BY_FIRST_CHAR.length ? SDK_PREFIXES_BY_FIRST_CHAR[first] : null;
        if (prefixes != null)
        {
            for (String prefix : prefixes)
            {
                if (threadName.startsWith(prefix))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[][] byFirstChar(String[] prefixes)
    {
        String[][] index = new String[128][];
        for (String prefix : prefixes)
        {
            char first = prefix.charAt(0);
            String[] same = index[first] == null ? new String[0] : index[first];
            same = Arrays.copyOf(same, same.length + 1);
            same[same.length - 1] = prefix;
            index[first] = same;
        }
        return index;
    }

    /**
     * True when the current thread is an engine thread or a background thread of the AWS SDK or its HTTP clients;
     * the logger name is not looked at.
     *
     * @deprecated use {@link #mustSkipEventOf(String)} with the name of the thread the event was logged on
     */
    @Deprecated
    public static boolean mustSkip(String loggerName)
    {
        return mustSkipEventOf(Thread.currentThread().getName());
    }

    /**
     * As {@link #mustSkipEventOf(String)}; the logger name is not looked at.
     *
     * @deprecated use {@link #mustSkipEventOf(String)}
     */
    @Deprecated
    public static boolean mustSkip(String loggerName, String threadName)
    {
        return mustSkipEventOf(threadName);
    }

    /**
     * True for the AWS SDK's, the HTTP clients' and this library's logger names.
     *
     * @deprecated no longer used to refuse events, which are refused by thread
     */
    @Deprecated
    public static boolean isInternalLogger(String loggerName)
    {
        if (loggerName == null)
        {
            return false;
        }
        for (String prefix : INTERNAL_LOGGER_PREFIXES)
        {
            if (loggerName.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }
}
