package io.github.cwlappender.core.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Exponential backoff with full jitter: attempt n waits a uniform random time in [0, min(max, base * 2^n)).
 * Credential errors wait at least a second, since no quick retry will fix them.
 */
final class Backoff
{
    private static final long CREDENTIALS_FLOOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long baseNanos;
    private final long maxNanos;

    Backoff(Duration base, Duration max)
    {
        this.baseNanos = Math.max(1, base.toNanos());
        this.maxNanos = Math.max(baseNanos, max.toNanos());
    }

    long delayNanos(int attempt, Failure failure)
    {
        long ceiling = baseNanos << Math.min(attempt, 20);
        if (ceiling <= 0 || ceiling > maxNanos)
        {
            ceiling = maxNanos;
        }
        long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (failure == Failure.CREDENTIALS)
        {
            delay = Math.max(delay, Math.min(CREDENTIALS_FLOOR_NANOS, maxNanos));
        }
        return delay;
    }
}
