package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With the default layout, the logging thread allocates no more per event than Log4j2's own garbage-free file
 * appenders do with that layout (which encode into a reused buffer), plus the one copy of the line the engine keeps:
 * its UTF-8 bytes, in one array.
 */
class LoggingThreadAllocationTest
{
    private static final int EVENTS_PER_ROUND = 5_000;
    private static final int ROUNDS = 12;

    private final Fixture fixture = new Fixture();

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void theLoggingThreadAllocatesWhatTheLayoutItselfDoesPlusOneCopyOfTheLine()
    {
        com.sun.management.ThreadMXBean threads = hotSpotThreads();
        assumeTrue(threads != null && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        fixture.start();
        Logger logger = fixture.logger("com.example.shop.fulfilment.OrderShippingService");
        logger.info("order {} shipped to {}", 8_172_300_000L, "Amsterdam");
        fixture.flush();
        int lineBytes = fixture.client.messages().get(0).getBytes(StandardCharsets.UTF_8).length;
        long oneCopy = oneByteArray(lineBytes);

        long ours = fewestBytesPerEvent(threads, logger, fixture::flush);
        assertThat(fixture.appender.getStatistics().delivered()).isEqualTo(1 + ROUNDS * EVENTS_PER_ROUND);

        long layoutsOwn = layoutsOwnBytesPerEvent(threads);
        // A second copy of the line would add as much again. The slack covers a small object or two that the JIT
        // removes in one run and not in another (24 bytes more than expected was seen on a fresh clone).
        assertThat(ours).as("bytes allocated per event on the logging thread; Log4j2 encoding with the same layout"
                + " allocates %d, one copy of the %d-byte line is %d", layoutsOwn, lineBytes, oneCopy)
                .isLessThanOrEqualTo(layoutsOwn + oneCopy + 64);
    }

    /** The same events through the same pattern, encoded as Log4j2's file appenders do, in a context of its own. */
    private static long layoutsOwnBytesPerEvent(com.sun.management.ThreadMXBean threads)
    {
        LoggerContext context = new LoggerContext("layout-only");
        try
        {
            ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
            builder.setConfigurationName("layout-only");
            builder.add(builder.newRootLogger(Level.INFO));
            context.start(builder.build(false));
            Configuration config = context.getConfiguration();
            EncodingAppender encoding = new EncodingAppender(PatternLayout.newBuilder()
                    .withPattern(CloudWatchLogsAppender.DEFAULT_PATTERN).withConfiguration(config).build());
            encoding.start();
            config.addAppender(encoding);
            config.getRootLogger().addAppender(encoding, null, null);
            context.updateLoggers();
            return fewestBytesPerEvent(threads, context.getLogger("com.example.shop.fulfilment.OrderShippingService"),
                    () -> { });
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

    /** Encodes into a reused buffer and discards, as Log4j2's garbage-free file appenders encode. */
    private static final class EncodingAppender extends AbstractAppender implements ByteBufferDestination
    {
        private final ByteBuffer buffer = ByteBuffer.allocate(4096);

        EncodingAppender(PatternLayout layout)
        {
            super("ENCODING", null, layout, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event)
        {
            getLayout().encode(event, this);
            buffer.clear();
        }

        @Override
        public ByteBuffer getByteBuffer()
        {
            return buffer;
        }

        @Override
        public ByteBuffer drain(ByteBuffer buf)
        {
            buf.clear();
            return buf;
        }

        @Override
        public void writeBytes(ByteBuffer data)
        {
            data.position(data.limit());
        }

        @Override
        public void writeBytes(byte[] data, int offset, int length)
        {
        }
    }

    /** A byte array: its 16-byte header and its bytes, padded to 8. */
    private static long oneByteArray(int bytes)
    {
        return ((16 + bytes + 7) / 8) * 8;
    }

    private static com.sun.management.ThreadMXBean hotSpotThreads()
    {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean instanceof com.sun.management.ThreadMXBean ? (com.sun.management.ThreadMXBean) bean : null;
    }
}
