package io.github.cwlappender.benchmarks;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.helpers.NOPAppender;
import io.github.cwlappender.core.EngineStatistics;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.NullAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/**
 * What one logger call costs the application thread, {@code log.info("order {} shipped to {}", id, city)}, through our
 * adapters beside each framework's own asynchronous front in front of an appender that does nothing more.
 *
 * <p>One {@code @Benchmark} per framework front and thread count; the {@code appender} parameter says what is behind
 * it, so each pair runs in the same JMH run:
 * <ul>
 *   <li>{@code logback}: {@code cloudwatch} (our appender) | {@code async-nop} ({@code AsyncAppender} to
 *       {@code NOPAppender}) | {@code async-format} ({@code AsyncAppender} to an appender that formats with the same
 *       pattern and discards).</li>
 *   <li>{@code log4j2} (synchronous loggers): {@code cloudwatch} | {@code async-null} ({@code <Async>} to
 *       {@code Null}) | {@code async-format} ({@code <Async>} to an appender that encodes with the same pattern and
 *       discards).</li>
 *   <li>{@code asyncLoggers} ({@code AsyncLoggerContextSelector}, its own fork): {@code cloudwatch} | {@code null} |
 *       {@code format}.</li>
 * </ul>
 * Ours runs with its default options (default pattern, buffer, linger, in-flight) and a client that accepts every
 * request at once ({@link AcceptingClient}), so the buffer has room while the batcher keeps up. The framework fronts
 * run with their defaults, except that Logback's {@code AsyncAppender} is told not to discard INFO events when its
 * queue is nearly full ({@code discardingThreshold=0}): both sides then deliver every event. Our side's teardown
 * prints its counters (nothing should be dropped). The calling thread's own allocation and CPU time are secondary
 * results ({@link Arguments}); run with {@code -prof gc} for allocation per call over all threads.
 *
 * <p>On a machine whose cores are all busy, the score (wall time) mostly measures how long the consumer thread waits
 * for a core; the calling thread's CPU time per call is the steadier figure there. The threads here call as fast as
 * they can, so where the thread behind a front cannot keep up its buffer fills and the callers wait for it;
 * {@link PacedAppendBenchmark} measures the same pairs while the buffers have room.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdapterAppendBenchmark
{
    private static final String LOGGER = "com.example.shop.fulfilment.OrderShippingService";
    private static final String FORMAT = "order {} shipped to {}";
    private static final String[] CITIES = {"Amsterdam", "Zürich", "Copenhagen", "Lisbon", "Tallinn", "Porto",
        "Ljubljana", "Reykjavík"};
    // Boxed once, as an application holding an order id object would; the call itself then allocates nothing.
    private static final Long[] IDS = new Long[64];
    static final String SELECTOR = "-Dlog4j2.contextSelector="
            + "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";

    static
    {
        for (int i = 0; i < IDS.length; i++)
        {
            IDS[i] = 8_172_300_000L + i * 7919L;
        }
    }

    /**
     * Cycles through a few ids and cities, per thread, so the formatted text is not constant. Also counts, as JMH
     * secondary results, what the calling thread alone allocates ({@code loggingThreadBytes}; {@code -prof gc} counts
     * every thread, the batcher's and the framework consumer's too) and the CPU time it spends
     * ({@code loggingThreadCpuNanos}, which, unlike the score, does not grow when other threads take the core away),
     * over its calls ({@code loggingThreadCalls}) in each measured iteration. The report divides them: per call.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Arguments
    {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        private int next;
        private long threadId;
        private int callsAtStart;
        private long bytesAtStart;
        private long cpuAtStart;
        // What waiting for room took on this thread (PacedAppendBenchmark), left out of the two counters above.
        private long bytesNotCounted;
        private long cpuNotCounted;

        Long id()
        {
            return IDS[next++ & (IDS.length - 1)];
        }

        String city()
        {
            return CITIES[next & (CITIES.length - 1)];
        }

        @Setup(Level.Iteration)
        public void startCounting()
        {
            threadId = Thread.currentThread().getId();
            callsAtStart = next;
            bytesAtStart = THREADS.getThreadAllocatedBytes(threadId);
            cpuAtStart = THREADS.getThreadCpuTime(threadId);
            bytesNotCounted = 0;
            cpuNotCounted = 0;
        }

        /** From here until {@link #resumeCounting()}, what this thread allocates and its CPU time are not counted. */
        void pauseCounting()
        {
            bytesNotCounted -= THREADS.getThreadAllocatedBytes(threadId);
            cpuNotCounted -= THREADS.getThreadCpuTime(threadId);
        }

        void resumeCounting()
        {
            bytesNotCounted += THREADS.getThreadAllocatedBytes(threadId);
            cpuNotCounted += THREADS.getThreadCpuTime(threadId);
        }

        /** Bytes the calling thread allocated since the iteration began. */
        public long loggingThreadBytes()
        {
            return THREADS.getThreadAllocatedBytes(threadId) - bytesAtStart - bytesNotCounted;
        }

        /** CPU time the calling thread used since the iteration began. */
        public long loggingThreadCpuNanos()
        {
            return THREADS.getThreadCpuTime(threadId) - cpuAtStart - cpuNotCounted;
        }

        /** Logger calls the thread made since the iteration began. */
        public long loggingThreadCalls()
        {
            return next - callsAtStart;
        }
    }

    // ---- Logback -------------------------------------------------------------------------------------------------

    /** A logger with something behind it: what the benchmarks call, and whether its buffers have room. */
    interface Front
    {
        void log(Arguments args);

        /** Whether the buffers behind the logger take {@code events} more without anyone waiting. */
        boolean hasRoom(int events);
    }

    @State(Scope.Benchmark)
    public static class LogbackFront implements Front
    {
        @Param({"cloudwatch", "async-nop", "async-format"})
        public String appender;

        org.slf4j.Logger logger;
        private LoggerContext context;
        private io.github.cwlappender.logback.CloudWatchLogsAppender ours;
        private OursBuffer oursBuffer;
        private AsyncAppender async;
        private AcceptingClient client;
        private CountingFormatAppender formatter;

        @Setup(Level.Trial)
        public void start()
        {
            context = new LoggerContext();
            context.setName("bench");
            context.setMDCAdapter(new LogbackMDCAdapter());
            context.start();
            Appender<ILoggingEvent> target;
            if (appender.equals("cloudwatch"))
            {
                client = new AcceptingClient();
                ours = new io.github.cwlappender.logback.CloudWatchLogsAppender();
                ours.setContext(context);
                ours.setName("CLOUDWATCH");
                ours.setLogGroup("/bench/logback");
                ours.setRegion("us-east-1");
                ours.setClient(client);
                ours.start();
                oursBuffer = new OursBuffer(ours.getName());
                target = ours;
            }
            else
            {
                Appender<ILoggingEvent> behind;
                if (appender.equals("async-nop"))
                {
                    behind = new NOPAppender<>();
                }
                else
                {
                    formatter = new CountingFormatAppender();
                    behind = formatter;
                }
                behind.setContext(context);
                behind.setName("BEHIND");
                behind.start();
                async = new AsyncAppender();
                async.setContext(context);
                async.setName("ASYNC");
                async.setDiscardingThreshold(0);
                async.addAppender(behind);
                async.start();
                target = async;
            }
            ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
            root.addAppender(target);
            logger = context.getLogger(LOGGER);
        }

        @Override
        public void log(Arguments args)
        {
            logger.info(FORMAT, args.id(), args.city());
        }

        @Override
        public boolean hasRoom(int events)
        {
            return ours != null ? oursBuffer.hasRoom() : async.getRemainingCapacity() >= events;
        }

        @TearDown(Level.Trial)
        public void stop()
        {
            context.stop();
            if (ours != null)
            {
                report("logback/cloudwatch", ours.getStatistics());
            }
            if (formatter != null)
            {
                System.out.println("logback/async-format: formatted " + formatter.formatted.sum() + " events");
            }
        }
    }

    /** Formats like our appender's default and keeps nothing: the framework side of the pair does the same work. */
    static final class CountingFormatAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    {
        final LongAdder formatted = new LongAdder();
        private ch.qos.logback.classic.PatternLayout layout;
        private int sink;

        @Override
        public void start()
        {
            layout = new ch.qos.logback.classic.PatternLayout();
            layout.setContext(getContext());
            layout.setPattern(io.github.cwlappender.logback.CloudWatchLogsAppender.DEFAULT_PATTERN);
            layout.start();
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event)
        {
            sink += layout.doLayout(event).length();
            formatted.increment();
        }
    }

    @Benchmark
    @Threads(1)
    public void logback(LogbackFront front, Arguments args)
    {
        front.log(args);
    }

    @Benchmark
    @Threads(2)
    public void logbackTwoThreads(LogbackFront front, Arguments args)
    {
        front.log(args);
    }

    // ---- Log4j2 --------------------------------------------------------------------------------------------------

    /** Shared by the synchronous-logger and the async-logger fronts: which appender the root logger writes to. */
    abstract static class Log4j2Front implements Front
    {
        org.apache.logging.log4j.Logger logger;
        private org.apache.logging.log4j.core.LoggerContext context;
        private io.github.cwlappender.log4j2.CloudWatchLogsAppender ours;
        private OursBuffer oursBuffer;
        private org.apache.logging.log4j.core.appender.AsyncAppender async;
        private RingBufferAdmin asyncLoggersRing;
        private EncodingDiscardAppender formatter;

        abstract String appender();

        abstract String label();

        void start(String contextName)
        {
            ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
            builder.setConfigurationName(contextName);
            builder.setStatusLevel(org.apache.logging.log4j.Level.ERROR);
            builder.add(builder.newRootLogger(org.apache.logging.log4j.Level.INFO));
            context = Configurator.initialize(builder.build(false));
            Configuration config = context.getConfiguration();
            org.apache.logging.log4j.core.Appender target;
            switch (appender())
            {
                case "cloudwatch":
                    ours = io.github.cwlappender.log4j2.CloudWatchLogsAppender.newBuilder().setName("CLOUDWATCH")
                            .setLogGroup("/bench/log4j2").setRegion("us-east-1").setClient(new AcceptingClient())
                            .setConfiguration(config).build();
                    target = ours;
                    break;
                case "null":
                    target = NullAppender.createAppender("NULL");
                    break;
                case "format":
                    formatter = new EncodingDiscardAppender(config);
                    target = formatter;
                    break;
                default:
                    org.apache.logging.log4j.core.Appender behind;
                    if (appender().equals("async-null"))
                    {
                        behind = NullAppender.createAppender("BEHIND");
                    }
                    else
                    {
                        formatter = new EncodingDiscardAppender(config);
                        behind = formatter;
                    }
                    behind.start();
                    config.addAppender(behind);
                    async = org.apache.logging.log4j.core.appender.AsyncAppender.newBuilder().setName("ASYNC")
                            .setAppenderRefs(new AppenderRef[] {AppenderRef.createAppenderRef(behind.getName(), null,
                                    null)})
                            .setConfiguration(config).build();
                    target = async;
                    break;
            }
            target.start();
            if (ours != null)
            {
                oursBuffer = new OursBuffer(ours.getName());
            }
            config.addAppender(target);
            config.getRootLogger().addAppender(target, null, null);
            context.updateLoggers();
            logger = context.getLogger(LOGGER);
            if (isAsync())
            {
                asyncLoggersRing = ((AsyncLoggerContext) context).createRingBufferAdmin();
            }
        }

        @Override
        public void log(Arguments args)
        {
            logger.info(FORMAT, args.id(), args.city());
        }

        /** The async loggers' ring, then the buffer of the appender behind the logger. */
        @Override
        public boolean hasRoom(int events)
        {
            if (asyncLoggersRing != null && asyncLoggersRing.getRemainingCapacity() < events)
            {
                return false;
            }
            if (ours != null)
            {
                return oursBuffer.hasRoom();
            }
            return async == null || async.getQueueRemainingCapacity() >= events;
        }

        boolean isAsync()
        {
            return context instanceof AsyncLoggerContext;
        }

        void stop()
        {
            boolean async = isAsync();
            Configurator.shutdown(context);
            if (ours != null)
            {
                report(label() + "/cloudwatch" + (async ? " (async loggers)" : ""), ours.getStatistics());
            }
            if (formatter != null)
            {
                System.out.println(label() + "/" + appender() + ": encoded " + formatter.encoded.sum() + " events");
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Log4j2SyncFront extends Log4j2Front
    {
        @Param({"cloudwatch", "async-null", "async-format"})
        public String appender;

        @Override
        String appender()
        {
            return appender;
        }

        @Override
        String label()
        {
            return "log4j2";
        }

        @Setup(Level.Trial)
        public void setUp()
        {
            start("bench-sync");
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            stop();
        }
    }

    @State(Scope.Benchmark)
    public static class AsyncLoggersFront extends Log4j2Front
    {
        @Param({"cloudwatch", "null", "format"})
        public String appender;

        @Override
        String appender()
        {
            return appender;
        }

        @Override
        String label()
        {
            return "asyncLoggers";
        }

        @Setup(Level.Trial)
        public void setUp()
        {
            start("bench-async-loggers");
            if (!isAsync())
            {
                throw new IllegalStateException("run with " + SELECTOR);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            stop();
        }
    }

    /**
     * Encodes each event with the same pattern, the way Log4j2's file appenders do (garbage-free, into a reused byte
     * buffer), and discards the bytes.
     */
    static final class EncodingDiscardAppender extends AbstractAppender implements ByteBufferDestination
    {
        final LongAdder encoded = new LongAdder();
        private final ByteBuffer buffer = ByteBuffer.allocate(8192);

        EncodingDiscardAppender(Configuration config)
        {
            super("FORMAT", null, PatternLayout.newBuilder()
                    .withPattern(io.github.cwlappender.log4j2.CloudWatchLogsAppender.DEFAULT_PATTERN)
                    .withConfiguration(config).build(), true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event)
        {
            synchronized (buffer)
            {
                getLayout().encode(event, this);
                buffer.clear();
            }
            encoded.increment();
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

    @Benchmark
    @Threads(1)
    public void log4j2(Log4j2SyncFront front, Arguments args)
    {
        front.log(args);
    }

    @Benchmark
    @Threads(2)
    public void log4j2TwoThreads(Log4j2SyncFront front, Arguments args)
    {
        front.log(args);
    }

    @Benchmark
    @Threads(1)
    @Fork(value = 1, jvmArgsAppend = SELECTOR)
    public void asyncLoggers(AsyncLoggersFront front, Arguments args)
    {
        front.log(args);
    }

    @Benchmark
    @Threads(2)
    @Fork(value = 1, jvmArgsAppend = SELECTOR)
    public void asyncLoggersTwoThreads(AsyncLoggersFront front, Arguments args)
    {
        front.log(args);
    }

    /**
     * Accepts every request at once, the creation of the log stream at start included, so that delivery is healthy
     * from the first event and only the logging side's cost shows.
     */
    static final class AcceptingClient implements CloudWatchLogsClient
    {
        private static final PutLogEventsResponse PUT = PutLogEventsResponse.builder().build();

        @Override
        public PutLogEventsResponse putLogEvents(PutLogEventsRequest request)
        {
            return PUT;
        }

        @Override
        public CreateLogStreamResponse createLogStream(CreateLogStreamRequest request)
        {
            return CreateLogStreamResponse.builder().build();
        }

        @Override
        public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest request)
        {
            return CreateLogGroupResponse.builder().build();
        }

        @Override
        public String serviceName()
        {
            return "logs";
        }

        @Override
        public void close()
        {
        }
    }

    private static void report(String label, EngineStatistics stats)
    {
        System.out.println(label + ": " + stats);
    }
}
