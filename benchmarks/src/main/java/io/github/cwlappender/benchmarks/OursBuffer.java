package io.github.cwlappender.benchmarks;

import io.github.cwlappender.core.CloudWatchLogs;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;

/**
 * How full our appender's buffer is: {@link CloudWatchLogsEngine#bufferedBytes()} of the running appender of that
 * name, found once through {@link CloudWatchLogs#runningEngines()}, as an application would.
 */
final class OursBuffer
{
    /**
     * Room, for a benchmark that must not make the logging thread wait: at most this much buffered. That is the open
     * batch (up to 1 MiB) and a few thousand events in the ring, far from the ring's
     * {@value EngineConfig#DEFAULT_BUFFER_SIZE} slots and the default 64 MiB budget.
     */
    static final long ROOM_BYTES = 4L * 1024 * 1024;

    private final CloudWatchLogsEngine engine;

    /** @param appenderName the name of an appender of ours that has started */
    OursBuffer(String appenderName)
    {
        this.engine = CloudWatchLogs.runningEngines().stream()
                .filter(running -> running.config().name().equals(appenderName)).reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("no running appender named " + appenderName));
    }

    boolean hasRoom()
    {
        return engine.bufferedBytes() <= ROOM_BYTES;
    }
}
