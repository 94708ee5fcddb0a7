package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.OversizePolicy;
import io.github.cwlappender.core.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The per-event rules, applied on the batcher thread before an event joins a batch: no empty message, a timestamp
 * the service will store, a message no longer than {@code maxEventBytes}, and valid UTF-8. Whatever fails is
 * counted here under its reason.
 */
final class EventRules
{
    /** Where admitted events go; called once per event, or once per piece of a split event. */
    interface Sink
    {
        void add(long timestamp, String message, int messageBytes);

        /** An event whose message is the first {@code length} bytes of {@code utf8}, well-formed UTF-8. */
        void addUtf8(long timestamp, byte[] utf8, int length);

        /** A later piece of a split event: it must not be stored before the pieces added before it. */
        void addContinuation(long timestamp, String message, int messageBytes);
    }

    // The service rejects events older than 14 days or more than 2 hours ahead. The margins leave room for the
    // time an event spends buffered and retried, so an event we admit is still valid when it arrives.
    static final long TOO_OLD_MILLIS = TimeUnit.DAYS.toMillis(14) - TimeUnit.MINUTES.toMillis(10);
    static final long TOO_NEW_MILLIS = TimeUnit.HOURS.toMillis(2) - TimeUnit.MINUTES.toMillis(1);

    private final Counters counters;
    private final OversizePolicy oversize;
    private final int maxEventBytes;
    private final long expiredMillis;

    EventRules(EngineConfig config, Counters counters)
    {
        this.counters = counters;
        this.oversize = config.oversize();
        this.maxEventBytes = config.maxEventBytes();
        this.expiredMillis = config.retentionDays() == null ? Long.MAX_VALUE
                : TimeUnit.DAYS.toMillis(config.retentionDays()) - TimeUnit.MINUTES.toMillis(10);
    }

    /**
     * @param alreadyCut the logging thread already shortened the message to {@code maxEventBytes} characters
     *     (oversize {@code TRUNCATE}), so it counts as truncated even if it now fits
     */
    void admit(long timestamp, String message, boolean alreadyCut, long nowMillis, Sink sink)
    {
        if (hasMessageAndValidTime(message == null ? 0 : message.length(), timestamp, nowMillis))
        {
            admitText(timestamp, message, alreadyCut, sink);
        }
    }

    /**
     * As {@link #admit}, for a message that is the first {@code length} bytes of UTF-8 text. Well-formed and within
     * {@code maxEventBytes}, as nearly all are, it goes on as bytes; otherwise it is decoded (each malformed sequence
     * becoming U+FFFD) and takes the text's way, which cuts an oversize message on character boundaries.
     */
    void admitUtf8(long timestamp, byte[] utf8, int length, boolean alreadyCut, long nowMillis, Sink sink)
    {
        if (!hasMessageAndValidTime(length, timestamp, nowMillis))
        {
            return;
        }
        if (length <= maxEventBytes && Utf8.isWellFormed(utf8, length))
        {
            if (alreadyCut)
            {
                counters.truncated();
            }
            sink.addUtf8(timestamp, utf8, length);
            return;
        }
        admitText(timestamp, new String(utf8, 0, length, StandardCharsets.UTF_8), alreadyCut, sink);
    }

    /** False, with the event counted under its reason, for an empty message or a timestamp the service refuses. */
    private boolean hasMessageAndValidTime(int messageLength, long timestamp, long nowMillis)
    {
        if (messageLength == 0)
        {
            counters.dropped(DropReason.EMPTY);
            return false;
        }
        RejectReason rejection = checkTimestamp(timestamp, nowMillis);
        if (rejection != null)
        {
            counters.rejected(rejection, 1);
            return false;
        }
        return true;
    }

    private void admitText(long timestamp, String message, boolean alreadyCut, Sink sink)
    {
        String clean = message;
        int bytes = Utf8.wellFormedLength(message);
        if (bytes < 0)
        {
            clean = Utf8.sanitize(message);
            bytes = Utf8.length(clean);
        }
        if (bytes <= maxEventBytes)
        {
            if (alreadyCut)
            {
                counters.truncated();
            }
            sink.add(timestamp, clean, bytes);
            return;
        }
        switch (oversize)
        {
            case DROP:
                counters.dropped(DropReason.OVERSIZE);
                break;
            case TRUNCATE:
                String head = clean.substring(0, Utf8.prefixEnd(clean, 0, maxEventBytes));
                counters.truncated();
                sink.add(timestamp, head, Utf8.length(head));
                break;
            case SPLIT:
            default:
                split(timestamp, clean, sink);
                break;
        }
    }

    private RejectReason checkTimestamp(long timestamp, long nowMillis)
    {
        long age = nowMillis - timestamp;
        if (timestamp < 0 || age > TOO_OLD_MILLIS)
        {
            return RejectReason.TOO_OLD;
        }
        if (-age > TOO_NEW_MILLIS)
        {
            return RejectReason.TOO_NEW;
        }
        if (age > expiredMillis)
        {
            return RejectReason.EXPIRED;
        }
        return null;
    }

    private void split(long timestamp, String message, Sink sink)
    {
        counters.split();
        int start = 0;
        int pieces = 0;
        while (start < message.length())
        {
            int end = Utf8.prefixEnd(message, start, maxEventBytes);
            String piece = message.substring(start, end);
            if (pieces == 0)
            {
                sink.add(timestamp, piece, Utf8.length(piece));
            }
            else
            {
                // Each extra piece is an event of its own from here on. Counted before a sender can deliver it,
                // so that delivered never runs ahead of accepted.
                counters.acceptedPieces(1);
                sink.addContinuation(timestamp, piece, Utf8.length(piece));
            }
            pieces++;
            start = end;
        }
    }
}
