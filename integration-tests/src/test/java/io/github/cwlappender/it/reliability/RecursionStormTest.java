package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Scenario 8: the root logger at TRACE with the CloudWatch Logs appender attached, so the AWS SDK and the JDK's HTTP
 * client log every request the appender makes back into the appender, under load and with throttling (more SDK
 * logging, more retries). No stack overflow, no deadlock (the timeout), every application event delivered once and
 * nothing else. The SDK's and the HTTP client's records below WARN, logged on the appender's own threads, are refused
 * by the adapter's engine-thread filter before any appender sees them (a Logback turbo filter, a Log4j2
 * configuration filter), so they are not counted: they never entered. What gets past it (WARN and above on those
 * threads) is refused by the appender and counted as RECURSION, a bounded number per request.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RecursionStormTest
{
    private static final int THREADS = 4;
    private static final String APP_LOGGER = "app.recursion.storm";
    /** HTTP-level logging of the JDK client under the SDK's URL-connection client. */
    private static final String JDK_HTTP_LOGGER = "sun.net.www.protocol.http";
    /**
     * Records the SDK and the JDK client write per request at TRACE are a fixed handful (about 26 measured: signing,
     * request, response, retry decision, connection), and now almost all of them are refused before the appender;
     * far more RECURSION drops per request would mean the appender's refusals themselves made records.
     */
    private static final int MAX_RECURSION_DROPS_PER_REQUEST = 100;
    private static final String ENDPOINT_PROPERTY = "cwl.reliability.endpoint";

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void restoreLogging()
    {
        // Back to Logback's default configuration for the test classes that follow.
        logback.reset();
        try
        {
            new ContextInitializer(logback).autoConfig();
        }
        catch (Exception e)
        {
            throw new IllegalStateException(e);
        }
        System.clearProperty(ENDPOINT_PROPERTY);
    }

    @Test
    void logbackAtTraceNeitherLoopsNorOverflowsAndDeliversExactlyWhatTheApplicationLogged() throws Exception
    {
        String scenario = "recursion-logback";
        int perThread = Sizes.pick(5_000, 50_000);
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
                JulToSlf4j jdkHttp = JulToSlf4j.install(JDK_HTTP_LOGGER))
        {
            server.faults().seed(8).throttleRate(0.2);
            logback.reset();
            logback.putProperty(ENDPOINT_PROPERTY, server.endpoint());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(logback);
            configurator.doConfigure(getClass().getResource("/reliability-logback-recursion.xml"));
            io.github.cwlappender.logback.CloudWatchLogsAppender appender =
                    (io.github.cwlappender.logback.CloudWatchLogsAppender) logback.getLogger(
                            org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
            assertThat(appender).as("appender from reliability-logback-recursion.xml").isNotNull();
            assertThat(appender.isStarted()).as("status: %s", logback.getStatusManager().getCopyOfStatusList())
                    .isTrue();
            assertThat(logback.getLogger("software.amazon.awssdk").getEffectiveLevel()).isEqualTo(Level.TRACE);
            // Ahead of the adapter's engine-thread filter: proves the storm really reached the logging framework.
            EngineThreadRecords offered = new EngineThreadRecords();
            offered.setContext(logback);
            offered.start();
            logback.getTurboFilterList().add(0, offered);
            long started = System.nanoTime();

            org.slf4j.Logger app = LoggerFactory.getLogger(APP_LOGGER);
            Load.run(scenario, THREADS, thread -> {
                for (int i = 0; i < perThread; i++)
                {
                    logAtSomeLevel(app, i, EventIds.message(scenario, thread, i));
                }
            });
            boolean flushed = appender.flush(Duration.ofSeconds(60));
            EngineStatistics stats = appender.getStatistics();
            long sdkRecords = jdkHttp.forwarded();
            appender.stop();

            check(scenario, server, FakeEngines.group(scenario), "recursion-logback-stream", flushed, stats,
                    THREADS * perThread, started, sdkRecords, offered.count());
        }
    }

    @Test
    void log4j2AtTraceNeitherLoopsNorOverflowsAndDeliversExactlyWhatTheApplicationLogged() throws Exception
    {
        String scenario = "recursion-log4j2";
        int perThread = Sizes.pick(5_000, 50_000);
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
                JulToSlf4j jdkHttp = JulToSlf4j.install(JDK_HTTP_LOGGER))
        {
            server.faults().seed(8).throttleRate(0.2);
            System.setProperty(ENDPOINT_PROPERTY, server.endpoint());
            org.apache.logging.log4j.core.LoggerContext log4j = new org.apache.logging.log4j.core.LoggerContext(
                    scenario);
            Configuration configuration = ConfigurationFactory.getInstance().getConfiguration(log4j,
                    ConfigurationSource.fromResource("reliability-log4j2-recursion.xml",
                            getClass().getClassLoader()));
            log4j.start(configuration);
            try
            {
                io.github.cwlappender.log4j2.CloudWatchLogsAppender appender = log4j.getConfiguration()
                        .getAppender("CLOUDWATCH");
                assertThat(appender).as("appender from reliability-log4j2-recursion.xml").isNotNull();
                // The SDK logs through SLF4J, whose provider here is Logback: route it all into Log4j2.
                logback.reset();
                Log4j2Bridge bridge = new Log4j2Bridge(log4j);
                bridge.setContext(logback);
                bridge.start();
                ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
                root.setLevel(Level.TRACE);
                root.addAppender(bridge);
                long started = System.nanoTime();

                org.apache.logging.log4j.Logger app = log4j.getLogger(APP_LOGGER);
                Load.run(scenario, THREADS, thread -> {
                    for (int i = 0; i < perThread; i++)
                    {
                        logAtSomeLevel(app, i, EventIds.message(scenario, thread, i));
                    }
                });
                boolean flushed = appender.flush(Duration.ofSeconds(60));
                EngineStatistics stats = appender.getStatistics();
                long sdkRecords = jdkHttp.forwarded();
                assertThat(bridge.forwarded()).as("SDK records routed into Log4j2").isPositive();

                check(scenario, server, "/cwl/reliability/recursion-log4j2", "recursion-log4j2-stream", flushed,
                        stats, THREADS * perThread, started, sdkRecords, bridge.forwarded());
            }
            finally
            {
                log4j.stop(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Counts, and lets pass, what is logged below WARN on the engine's threads: the storm's raw material. */
    private static final class EngineThreadRecords extends ch.qos.logback.classic.turbo.TurboFilter
    {
        private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker,
                ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params, Throwable t)
        {
            if (format != null && level != null && level.levelInt < Level.WARN_INT
                    && io.github.cwlappender.core.CloudWatchLogsEngine.isEngineThread())
            {
                count.incrementAndGet();
            }
            return ch.qos.logback.core.spi.FilterReply.NEUTRAL;
        }

        long count()
        {
            return count.get();
        }
    }

    private static void logAtSomeLevel(org.slf4j.Logger log, int i, String message)
    {
        switch (i % 5)
        {
            case 0:
                log.trace(message);
                break;
            case 1:
                log.debug(message);
                break;
            case 2:
                log.info(message);
                break;
            case 3:
                log.warn(message);
                break;
            default:
                log.error(message);
                break;
        }
    }

    private static void logAtSomeLevel(org.apache.logging.log4j.Logger log, int i, String message)
    {
        log.log(org.apache.logging.log4j.Level.values()[2 + i % 5], message);
    }

    private static void check(String scenario, StrictCloudWatchLogsServer server, String group, String stream,
            boolean flushed, EngineStatistics stats, long appEvents, long started, long jdkHttpRecords,
            long engineThreadRecords)
    {
        Copies copies = Copies.of(server.storedEvents(group, stream));
        long requests = 0;
        for (long n : server.requestCounts().values())
        {
            requests += n;
        }
        long recursion = stats.dropped(DropReason.RECURSION);
        Report.of(scenario).put("appEvents", appEvents).put("delivered", stats.delivered())
                .put("recursionDrops", recursion).put("requests", requests)
                .put("recursionDropsPerRequest", requests == 0 ? "n/a" : String.format("%.1f",
                        (double) recursion / requests))
                .put("jdkHttpRecords", jdkHttpRecords).put("engineThreadRecordsOffered", engineThreadRecords)
                .put("retries", stats.retries())
                .put("wallMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).print();

        assertThat(flushed).as("%s", stats).isTrue();
        assertThat(stats.delivered()).as("%s", stats).isEqualTo(appEvents);
        assertThat(engineThreadRecords).as("SDK and HTTP client records offered to the framework on engine threads")
                .isPositive();
        assertThat(jdkHttpRecords).as("the JDK HTTP client's records really were routed to the appender")
                .isPositive();
        assertThat(stats.dropped()).as("nothing but recursion dropped; %s", stats).isEqualTo(recursion);
        assertThat(stats.rejected()).isZero();
        assertThat(stats.isBalanced()).as("%s", stats).isTrue();
        assertThat(recursion).as("recursion drops for %s requests", requests)
                .isLessThanOrEqualTo(MAX_RECURSION_DROPS_PER_REQUEST * requests);
        assertThat(copies.withoutId()).as("stored records that the application did not log").isZero();
        assertThat(copies.copies()).isEqualTo(appEvents);
        assertThat(copies.ids()).isEqualTo((int) appEvents);
    }
}
