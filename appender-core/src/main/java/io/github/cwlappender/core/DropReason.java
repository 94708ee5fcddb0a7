package io.github.cwlappender.core;

/**
 * Why an accepted event never reached CloudWatch Logs because this library gave up on it.
 *
 * @since 0.1.0
 */
public enum DropReason
{
    /** The ring buffer was full (after waiting, with {@link OnBufferFull#BLOCK}). */
    BUFFER_FULL,
    /** The message was longer than {@code maxEventBytes} and {@code oversize} is {@link OversizePolicy#DROP}. */
    OVERSIZE,
    /** The message was empty; CloudWatch Logs refuses empty messages. */
    EMPTY,
    /** The service answered {@code InvalidParameterException} for this event even when it was sent alone. */
    INVALID,
    /** A non-retryable error (bad credentials, missing permission, missing destination that may not be created). */
    PERMANENT_ERROR,
    /** Retryable errors (throttling, 5xx, network) went on longer than {@code retryTimeoutMillis}. */
    RETRY_TIMEOUT,
    /** The engine was stopping or stopped: accepted too late, or not delivered by the shutdown deadline. */
    SHUTDOWN,
    /**
     * Logged by the AWS SDK, its HTTP client or the engine's own threads, or (Logback) logged while the appender
     * formatted another event on the same thread; sending it would loop.
     */
    RECURSION,
    /**
     * The layout or encoder threw while making the event's text, so there was nothing to send. The framework or the
     * adapter reports the exception itself.
     *
     * @since 0.2.0
     */
    FORMAT_FAILED
}
