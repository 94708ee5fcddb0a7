package io.github.cwlappender.core;

/**
 * What an application thread does when the ring buffer has no free slot.
 *
 * @since 0.1.0
 */
public enum OnBufferFull
{
    /** Drop the event at once and count it under {@link DropReason#BUFFER_FULL}. The caller never waits. */
    DROP,
    /** Wait up to {@code blockTimeoutMillis} for a free slot, then drop and count the event. */
    BLOCK
}
