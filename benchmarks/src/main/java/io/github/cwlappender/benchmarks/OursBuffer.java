package io.github.cwlappender.benchmarks;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import java.lang.reflect.Field;

/**
 * How full our appender's buffer is, read from the engine behind it ({@link CloudWatchLogsEngine#bufferedBytes()}).
 * The adapters do not hand out their engine, so the benchmark finds it by type once; reading it allocates nothing.
 */
final class OursBuffer
{
    /**
     * Room, for a benchmark that must not make the logging thread wait: at most this much buffered. That is the open
     * batch (up to 1 MiB) and a few thousand events in the ring, far from the ring's
     * {@value EngineConfig#DEFAULT_BUFFER_SIZE} slots and the default 64 MiB budget.
     */
    static final long ROOM_BYTES = 4L * 1024 * 1024;

    private final Object appender;
    private final Field engine;

    OursBuffer(Object appender)
    {
        this.appender = appender;
        this.engine = engineField(appender.getClass());
    }

    boolean hasRoom()
    {
        try
        {
            return ((CloudWatchLogsEngine) engine.get(appender)).bufferedBytes() <= ROOM_BYTES;
        }
        catch (IllegalAccessException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static Field engineField(Class<?> type)
    {
        for (Field field : type.getDeclaredFields())
        {
            if (field.getType() == CloudWatchLogsEngine.class)
            {
                field.setAccessible(true);
                return field;
            }
        }
        throw new IllegalStateException(type.getName() + " has no field of type CloudWatchLogsEngine");
    }
}
