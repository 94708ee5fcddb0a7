package io.github.cwlappender.core;

/**
 * Where the engine reports what it does and what goes wrong. The Logback adapter forwards to the context's status
 * manager, the Log4j2 adapter to {@code StatusLogger}. Messages already name the appender. Calls come from the
 * engine's own threads and are rate-limited by the engine; implementations must not log through the appender.
 *
 * @since 0.1.0
 */
public interface StatusListener
{
    void info(String message);

    void warn(String message, Throwable cause);

    void error(String message, Throwable cause);

    /**
     * Events were lost (a drop episode began, goes on, or ended with its total). Adapters show these even where the
     * user configured no status output; by default they are warnings.
     *
     * @since 0.2.0
     */
    default void dataLoss(String message)
    {
        warn(message, null);
    }

    /** A listener that discards everything. */
    static StatusListener silent()
    {
        return new StatusListener()
        {
            @Override
            public void info(String message)
            {
            }

            @Override
            public void warn(String message, Throwable cause)
            {
            }

            @Override
            public void error(String message, Throwable cause)
            {
            }
        };
    }
}
