package io.github.cwlappender.core;

/**
 * What happens to an event whose message is longer than {@code maxEventBytes} UTF-8 bytes.
 *
 * @since 0.1.0
 */
public enum OversizePolicy
{
    /** Keep the first {@code maxEventBytes} bytes, cut on a character boundary; counted as truncated. */
    TRUNCATE,
    /**
     * Send several events with the same timestamp, in order, each at most {@code maxEventBytes} bytes and valid
     * UTF-8; counted as split. Each extra piece adds one to {@code accepted}, so the accounting stays exact.
     */
    SPLIT,
    /** Drop the event and count it under {@link DropReason#OVERSIZE}. */
    DROP
}
