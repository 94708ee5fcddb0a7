package io.github.cwlappender.core;

/**
 * What an application thread does when the buffer (its byte budget, or its ring of slots) has no room.
 *
 * @since 0.1.0
 */
public enum OnBufferFull
{
    /** Drop the event at once and count it under {@link DropReason#BUFFER_FULL}. The caller never waits. */
    DROP,
    /** Wait up to {@code blockTimeoutMillis} for room, whatever the state of delivery, then drop and count. */
    BLOCK,
    /**
     * The default. While delivery is healthy, wait up to {@code blockTimeoutMillis} for room (backpressure: a burst
     * is never lost to an endpoint that accepts it); while delivery is failing, drop at once and count (an outage
     * never holds the application). Waiting threads are released as soon as delivery turns unhealthy.
     *
     * @since 0.2.0
     */
    ADAPTIVE
}
