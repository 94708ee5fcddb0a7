package io.github.cwlappender.testsupport.fake;

/**
 * Why the service refused one event of an otherwise valid PutLogEvents request, as it reports in
 * {@code rejectedLogEventsInfo}. The rest of the request is stored.
 */
public enum EventRejection
{
    /** Older than 14 days: counted in {@code tooOldLogEventEndIndex}. */
    TOO_OLD,
    /** More than 2 hours in the future: from {@code tooNewLogEventStartIndex} on. */
    TOO_NEW,
    /** Older than the log group's retention: counted in {@code expiredLogEventEndIndex}. */
    EXPIRED
}
