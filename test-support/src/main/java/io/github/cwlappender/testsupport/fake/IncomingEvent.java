package io.github.cwlappender.testsupport.fake;

/** One element of a PutLogEvents request, decoded. */
final class IncomingEvent
{
    final long timestamp;
    final String message;

    IncomingEvent(long timestamp, String message)
    {
        this.timestamp = timestamp;
        this.message = message;
    }
}
