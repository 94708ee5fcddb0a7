package io.github.cwlappender.it.compat;

import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** A Log4j2 appender that only counts what reaches it: what Log4j2's async loggers handed on, and nothing else. */
final class CountingNoOp extends AbstractAppender
{
    private final LongAdder count = new LongAdder();

    CountingNoOp()
    {
        super("CountingNoOp", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event)
    {
        count.increment();
    }

    long count()
    {
        return count.sum();
    }
}
