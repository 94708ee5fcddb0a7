package io.github.cwlappender.core;

import java.util.List;

/**
 * Thrown by {@link EngineConfig.Builder#build()} when one or more options are wrong. Each problem says what to write
 * instead; adapters turn them into status errors and stay unstarted.
 *
 * @since 0.1.0
 */
public final class InvalidConfigurationException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidConfigurationException(List<String> problems)
    {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per wrong option. */
    public List<String> problems()
    {
        return problems;
    }
}
