package io.github.cwlappender.testsupport.fake;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service's rules for one PutLogEvents request (shared/docs/cloudwatch-logs-rules.md), and nothing else. A
 * request that breaks a whole-request rule fails with {@code InvalidParameterException}; otherwise the verdict
 * says which events are rejected one by one (too old, expired, too new) and which are stored.
 */
final class PutLogEventsRules
{
    static final int MAX_EVENTS = 10_000;
    static final long MAX_REQUEST_BYTES = 1_048_576;
    static final long EVENT_OVERHEAD_BYTES = 26;
    static final long MAX_MESSAGE_BYTES = 1_048_550;
    static final long MAX_SPAN_MILLIS = TimeUnit.HOURS.toMillis(24);
    static final long MAX_AGE_MILLIS = TimeUnit.DAYS.toMillis(14);
    static final long MAX_AHEAD_MILLIS = TimeUnit.HOURS.toMillis(2);

    private PutLogEventsRules()
    {
    }

    /**
     * Checks a request against every rule.
     *
     * @param retentionDays the log group's retention, or null when it keeps events forever
     * @throws ServiceError {@code InvalidParameterException} when the request fails as a whole
     */
    static Verdict check(List<IncomingEvent> events, long nowMillis, Integer retentionDays)
    {
        checkCount(events.size());
        long requestBytes = 0;
        for (int i = 0; i < events.size(); i++)
        {
            requestBytes += checkEvent(i, events.get(i)) + EVENT_OVERHEAD_BYTES;
        }
        if (requestBytes > MAX_REQUEST_BYTES)
        {
            throw ServiceError.invalidParameter("Upload too large: " + requestBytes + " bytes exceeds limit of "
                    + MAX_REQUEST_BYTES);
        }
        checkOrder(events);
        return classify(events, nowMillis, retentionDays);
    }

    private static void checkCount(int count)
    {
        if (count < 1)
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value at 'logEvents' failed to satisfy"
                    + " constraint: Member must have length greater than or equal to 1");
        }
        if (count > MAX_EVENTS)
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value at 'logEvents' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_EVENTS);
        }
    }

    /** Returns the event's message bytes. */
    private static long checkEvent(int index, IncomingEvent event)
    {
        String at = "'logEvents." + (index + 1) + ".member.";
        if (event.timestamp < 0)
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + event.timestamp + "' at "
                    + at + "timestamp' failed to satisfy constraint: Member must have value greater than or equal"
                    + " to 0");
        }
        if (event.message.isEmpty())
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '' at " + at + "message' failed"
                    + " to satisfy constraint: Member must have length greater than or equal to 1");
        }
        long bytes = event.messageBytes;
        if (bytes > MAX_MESSAGE_BYTES)
        {
            throw ServiceError.invalidParameter("Log event too large: event " + (index + 1) + " has " + bytes
                    + " bytes, limit is " + MAX_MESSAGE_BYTES);
        }
        return bytes;
    }

    private static void checkOrder(List<IncomingEvent> events)
    {
        for (int i = 1; i < events.size(); i++)
        {
            if (events.get(i).timestamp < events.get(i - 1).timestamp)
            {
                throw ServiceError.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
    }

    // The request is sorted, so each kind of rejection is a prefix (too old, expired) or a suffix (too new).
    private static Verdict classify(List<IncomingEvent> events, long nowMillis, Integer retentionDays)
    {
        int size = events.size();
        long oldest = nowMillis - MAX_AGE_MILLIS;
        long newest = nowMillis + MAX_AHEAD_MILLIS;
        long retained = retentionDays == null ? Long.MIN_VALUE : nowMillis - TimeUnit.DAYS.toMillis(retentionDays);
        int tooOldEnd = 0;
        int expiredEnd = 0;
        int tooNewStart = size;
        for (int i = 0; i < size; i++)
        {
            long t = events.get(i).timestamp;
            if (t < oldest)
            {
                tooOldEnd = i + 1;
            }
            if (t < retained)
            {
                expiredEnd = i + 1;
            }
            if (t > newest && tooNewStart == size)
            {
                tooNewStart = i;
            }
        }
        int storedFrom = Math.max(tooOldEnd, expiredEnd);
        int storedTo = Math.max(storedFrom, tooNewStart);
        // The 24-hour span counts only the events that would be stored.
        if (storedTo > storedFrom
                && events.get(storedTo - 1).timestamp - events.get(storedFrom).timestamp > MAX_SPAN_MILLIS)
        {
            throw ServiceError.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        return new Verdict(tooOldEnd, expiredEnd, tooNewStart, size);
    }

    /** Which events of a valid request are rejected, by index; the others are stored. */
    static final class Verdict
    {
        /** Events {@code [0, tooOldEnd)} are older than 14 days. */
        final int tooOldEnd;
        /** Events {@code [0, expiredEnd)} are older than the group's retention. */
        final int expiredEnd;
        /** Events {@code [tooNewStart, size)} are more than 2 hours ahead; {@code size} when none. */
        final int tooNewStart;
        final int size;

        Verdict(int tooOldEnd, int expiredEnd, int tooNewStart, int size)
        {
            this.tooOldEnd = tooOldEnd;
            this.expiredEnd = expiredEnd;
            this.tooNewStart = tooNewStart;
            this.size = size;
        }

        int storedFrom()
        {
            return Math.max(tooOldEnd, expiredEnd);
        }

        int storedTo()
        {
            return Math.max(storedFrom(), tooNewStart);
        }

        boolean anyRejected()
        {
            return storedFrom() > 0 || tooNewStart < size;
        }

        /** How many events each reason covers; an event both too old and expired counts once, as too old. */
        int count(EventRejection reason)
        {
            switch (reason)
            {
                case TOO_OLD:
                    return tooOldEnd;
                case EXPIRED:
                    return Math.max(0, expiredEnd - tooOldEnd);
                case TOO_NEW:
                default:
                    return size - storedTo();
            }
        }
    }
}
