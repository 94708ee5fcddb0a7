package io.github.cwlappender.core.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A PutLogEvents body whose events the batcher has already written as JSON ({@link LogEventsJson}); the log group
 * and stream are put around them when it is sent. {@link Interceptor}, installed on the clients the engine builds,
 * puts it in place of the SDK's own marshalling of the request, before the SDK signs and sends it, so signing,
 * timeouts, the HTTP client and the parsing of the answer stay the SDK's.
 */
final class PutLogEventsBody
{
    static final ExecutionAttribute<PutLogEventsBody> ATTRIBUTE =
            new ExecutionAttribute<>("io.github.cwlappender.PutLogEventsBody");
    private static final byte[] START = ascii("{\"logGroupName\":");
    private static final byte[] STREAM = ascii(",\"logStreamName\":");
    private static final byte[] EVENTS = ascii(",\"logEvents\":[");
    private static final byte[] END = ascii("]}");
    private static final byte[] COMMA = ascii(",");

    // The body in order: the part before the events, the runs of events with a comma between, the end.
    private final List<Segment> pieces;
    private final long contentLength;

    /** @param segments runs of events written by {@link LogEventsJson}, each comma-separated within itself */
    PutLogEventsBody(String logGroup, String logStream, List<Segment> segments)
    {
        byte[] head = concat(START, LogEventsJson.quoted(logGroup), STREAM, LogEventsJson.quoted(logStream), EVENTS);
        this.pieces = new ArrayList<>(2 * segments.size() + 2);
        pieces.add(new Segment(head, 0, head.length));
        for (int i = 0; i < segments.size(); i++)
        {
            if (i > 0)
            {
                pieces.add(new Segment(COMMA, 0, COMMA.length));
            }
            pieces.add(segments.get(i));
        }
        pieces.add(new Segment(END, 0, END.length));
        long length = 0;
        for (Segment piece : pieces)
        {
            length += piece.length;
        }
        this.contentLength = length;
    }

    long contentLength()
    {
        return contentLength;
    }

    InputStream newStream()
    {
        return new BodyStream();
    }

    private static byte[] concat(byte[]... parts)
    {
        int total = 0;
        for (byte[] part : parts)
        {
            total += part.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts)
        {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] ascii(String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the pieces one after another, filling each read as far as it asks: the HTTP client writes what each read
     * returns to the socket at once, so a read cut short at every piece's end would cost a write of its own.
     */
    private final class BodyStream extends InputStream
    {
        private int piece;
        private int offset;

        @Override
        public int read()
        {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int at, int length)
        {
            Objects.checkFromIndexSize(at, length, into.length);
            if (length == 0)
            {
                return 0;
            }
            int copied = 0;
            while (copied < length && piece < pieces.size())
            {
                Segment current = pieces.get(piece);
                int n = Math.min(length - copied, current.length - offset);
                System.arraycopy(current.bytes, current.offset + offset, into, at + copied, n);
                copied += n;
                offset += n;
                if (offset == current.length)
                {
                    piece++;
                    offset = 0;
                }
            }
            return copied == 0 ? -1 : copied;
        }
    }

    /** A run of bytes of one array: events that lie next to each other in a chunk, or the text around them. */
    static final class Segment
    {
        final byte[] bytes;
        final int offset;
        final int length;

        Segment(byte[] bytes, int offset, int length)
        {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }
    }

    /** Sends the body a request carries in {@link #ATTRIBUTE}; requests without one go as the SDK marshalled them. */
    static final class Interceptor implements ExecutionInterceptor
    {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                ExecutionAttributes executionAttributes)
        {
            PutLogEventsBody body = executionAttributes.getAttribute(ATTRIBUTE);
            if (body == null)
            {
                return context.httpRequest();
            }
            return context.httpRequest().toBuilder()
                    .putHeader("Content-Length", Long.toString(body.contentLength())).build();
        }

        @Override
        public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                ExecutionAttributes executionAttributes)
        {
            PutLogEventsBody body = executionAttributes.getAttribute(ATTRIBUTE);
            if (body == null)
            {
                return context.requestBody();
            }
            return Optional.of(RequestBody.fromContentProvider(body::newStream, body.contentLength(),
                    "application/x-amz-json-1.1"));
        }
    }
}
