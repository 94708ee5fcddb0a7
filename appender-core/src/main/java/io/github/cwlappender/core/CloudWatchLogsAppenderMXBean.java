package io.github.cwlappender.core;

import java.util.Map;

/**
 * What each running appender shows over JMX, as {@code io.github.cwlappender:type=CloudWatchLogsAppender,name=<appender
 * name>}: registered when the appender starts, unregistered when it stops. The counts are those of
 * {@link EngineStatistics}; see there for what each means.
 *
 * @since 0.2.0
 */
public interface CloudWatchLogsAppenderMXBean
{
    String getLogGroup();

    String getLogStream();

    long getAccepted();

    long getDelivered();

    long getRejected();

    /** Rejected events by reason ({@link RejectReason} names), zero counts included. */
    Map<String, Long> getRejectedByReason();

    long getDropped();

    /** Dropped events by reason ({@link DropReason} names), zero counts included. */
    Map<String, Long> getDroppedByReason();

    /** Accepted events not yet delivered, rejected or dropped: buffered or in flight. */
    long getPending();

    long getBatchesSent();

    long getRetries();

    long getThrottles();

    /** Bytes of {@code bufferBytes} that buffered events take now. */
    long getBufferedBytes();

    /** The {@code bufferBytes} budget. */
    long getBufferBytesLimit();

    /** False while delivery counts as failing (a full buffer then drops instead of waiting). */
    boolean isDeliveryHealthy();

    /** Why delivery counts as failing, or null while it is healthy. */
    String getDeliveryFailure();

    /** The last error seen, with its time, or null. */
    String getLastError();
}
