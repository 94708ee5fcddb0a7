package io.github.cwlappender.examples;

import io.github.cwlappender.log4j2.CloudWatchLogsAppender;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * A plain Log4j API application on Log4j2. Choose the configuration with {@code -Dlog4j2.configurationFile=...}:
 * {@code log4j2-example.xml} (a pattern layout) or {@code log4j2-json-example.xml} (ECS JSON lines). The only
 * argument is a label for the summary line, {@code log4j2} by default.
 */
public final class Log4j2Example
{
    // Named like an application's class, so the stream reads like a real service's.
    private static final Logger LOG = LogManager.getLogger("com.example.shop.OrderService");

    private Log4j2Example()
    {
    }

    public static void main(String[] args) throws IOException
    {
        String app = args.length > 0 ? args[0] : "log4j2";
        int logged = 0;

        ThreadContext.put("requestId", "req-2001");
        ThreadContext.put("customer", "bob");
        LOG.info("Order {} received: {} items", "o-77", 2);
        logged++;
        LOG.info(MarkerManager.getMarker("AUDIT"), "Payment authorised: {} {}", "42.00", "EUR");
        logged++;
        LOG.debug("Cache miss for o-77 (below the configured level, not sent)");
        ThreadContext.put("requestId", "req-2002");
        LOG.warn("Stock for sku {} is low: {} left", "sku-9", 1);
        logged++;
        LOG.error("Shipping label service failed for o-77",
                new IllegalStateException("label service answered 503", new java.io.IOException("reset by peer")));
        logged++;
        ThreadContext.clearAll();
        LOG.info("Ünïcödé is sent as UTF-8: 日本語, emoji 😀");
        logged++;

        // Keep the appender to read its statistics after shutting Log4j2 down, which delivers everything buffered
        // (within shutdownTimeoutMillis: the appender does not hold itself to the 50 ms LogManager.shutdown() passes).
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        CloudWatchLogsAppender appender = context.getConfiguration().getAppender("CLOUDWATCH");
        LogManager.shutdown();

        DemoSummary.report(app, appender.getLogGroup(), logged, appender.getStatistics());
    }
}
