package io.github.cwlappender.core.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private final byte[] head;
    private final List<Segment> segments;
    private final long contentLength;

    /** @param segments runs of events written by {@link LogEventsJson}, each comma-separated within itself */
    PutLogEventsBody(String logGroup, String logStream, List<Segment> segments)
    {
        byte[] group = LogEventsJson.quoted(logGroup);
        byte[] stream = LogEventsJson.quoted(logStream);
        this.head = concat(START, group, STREAM, stream, EVENTS);
        this.segments = segments;
        long length = (long) head.length + END.length + Math.max(0, segments.size() - 1);
        for (Segment segment : segments)
        {
            length += segment.length;
        }
        this.contentLength = length;
    }

    long contentLength()
    {
        return contentLength;
    }

    InputStream newStream()
    {
        List<InputStream> parts = new ArrayList<>(2 * segments.size() + 2);
        parts.add(new ByteArrayInputStream(head));
        for (int i = 0; i < segments.size(); i++)
        {
            if (i > 0)
            {
                parts.add(new ByteArrayInputStream(COMMA));
            }
            Segment segment = segments.get(i);
            parts.add(new ByteArrayInputStream(segment.bytes, segment.offset, segment.length));
        }
        parts.add(new ByteArrayInputStream(END));
        return new SequenceInputStream(Collections.enumeration(parts));
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

    /** A run of bytes in one chunk. */
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
