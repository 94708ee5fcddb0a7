package io.github.cwlappender.core;

/**
 * Why an event was refused for its timestamp, either by this library before sending (the first three) or by the
 * service in {@code rejectedLogEventsInfo} (the {@code SERVICE_} ones). A rejected event is never retried.
 *
 * @since 0.1.0
 */
public enum RejectReason
{
    /** Older than 14 days (less a safety margin), or negative: the service would reject it. */
    TOO_OLD,
    /** More than 2 hours in the future (less a safety margin): the service would reject it. */
    TOO_NEW,
    /** Older than the configured {@code retentionDays}. */
    EXPIRED,
    /** Reported by the service as too old ({@code tooOldLogEventEndIndex}). */
    SERVICE_TOO_OLD,
    /** Reported by the service as too new ({@code tooNewLogEventStartIndex}). */
    SERVICE_TOO_NEW,
    /** Reported by the service as older than the log group's retention ({@code expiredLogEventEndIndex}). */
    SERVICE_EXPIRED
}
