package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the default layout, the logging thread allocates no more per event than Logback itself does to log it and
 * lay it out with that pattern: what the appender adds (the buffer, the engine) allocates nothing, and the layout's
 * text is not copied again.
 */
class LoggingThreadAllocationTest
{
    private static final int EVENTS_PER_ROUND = 5_000;
    private static final int ROUNDS = 12;
    private static final String LOGGER = "com.example.shop.fulfilment.OrderShippingService";

    private final Fixture fixture = new Fixture();

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void theLoggingThreadAllocatesNoMoreThanLogbackAndTheLayoutThemselves()
    {
        com.sun.management.ThreadMXBean threads = hotSpotThreads();
        assumeTrue(threads != null && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        fixture.start();
        fixture.context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);

        long ours = fewestBytesPerEvent(threads, fixture.logger(LOGGER), fixture::flush);
        assertThat(fixture.appender.getStatistics().delivered()).isEqualTo((long) ROUNDS * EVENTS_PER_ROUND);

        long layoutOnly = layoutOnlyBytesPerEvent(threads);
        // Another copy of the line would add about 200 bytes. The slack covers a small object or two that the JIT
        // removes in one run and not in another.
        assertThat(ours).as("bytes allocated per event on the logging thread; Logback laying it out with the same"
                + " pattern allocates %d", layoutOnly).isLessThanOrEqualTo(layoutOnly + 64);
    }

    /** The same events laid out with the same pattern by an appender that keeps nothing, in a context of its own. */
    private static long layoutOnlyBytesPerEvent(com.sun.management.ThreadMXBean threads)
    {
        LoggerContext context = new LoggerContext();
        context.setName("layout-only");
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        try
        {
            LayoutOnlyAppender layoutOnly = new LayoutOnlyAppender();
            layoutOnly.setContext(context);
            layoutOnly.start();
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.INFO);
            root.addAppender(layoutOnly);
            return fewestBytesPerEvent(threads, context.getLogger(LOGGER), () -> { });
        }
        finally
        {
            context.stop();
        }
    }

    /**
     * The fewest bytes per event over several rounds: the first rounds also pay for class loading and for code not
     * yet compiled, which is not what is measured here.
     */
    private static long fewestBytesPerEvent(com.sun.management.ThreadMXBean threads, Logger logger,
            Runnable afterRound)
    {
        Long orderId = 8_172_300_000L;
        String city = "Amsterdam";
        long fewest = Long.MAX_VALUE;
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < ROUNDS; round++)
        {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < EVENTS_PER_ROUND; i++)
            {
                logger.info("order {} shipped to {}", orderId, city);
            }
            fewest = Math.min(fewest, (threads.getThreadAllocatedBytes(thread) - before) / EVENTS_PER_ROUND);
            afterRound.run();
        }
        return fewest;
    }

    private static com.sun.management.ThreadMXBean hotSpotThreads()
    {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean instanceof com.sun.management.ThreadMXBean ? (com.sun.management.ThreadMXBean) bean : null;
    }

    /** Lays each event out with the appender's default pattern and keeps nothing. */
    private static final class LayoutOnlyAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    {
        private final PatternLayout layout = new PatternLayout();
        private int characters;

        @Override
        public void start()
        {
            layout.setContext(getContext());
            layout.setPattern(CloudWatchLogsAppender.DEFAULT_PATTERN);
            layout.start();
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event)
        {
            characters += layout.doLayout(event).length();
        }
    }
}
