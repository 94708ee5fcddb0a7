package io.github.cwlappender.testsupport.fake;

/** One element of a PutLogEvents request, decoded, with its message's UTF-8 length (counted once, here). */
final class IncomingEvent
{
    final long timestamp;
    final String message;
    final long messageBytes;

    IncomingEvent(long timestamp, String message)
    {
        this.timestamp = timestamp;
        this.message = message;
        this.messageBytes = Utf8Bytes.length(message);
    }
}
