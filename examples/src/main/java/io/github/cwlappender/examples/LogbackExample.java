package io.github.cwlappender.examples;

import ch.qos.logback.classic.LoggerContext;
import io.github.cwlappender.logback.CloudWatchLogsAppender;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A plain SLF4J application on Logback. Choose the configuration with {@code -Dlogback.configurationFile=...}:
 * {@code logback-example.xml} (a pattern layout) or {@code logback-json-example.xml} (JSON lines). The only
 * argument is a label for the summary line, {@code logback} by default.
 */
public final class LogbackExample
{
    // Named like an application's class, so the stream reads like a real service's.
    private static final Logger LOG = LoggerFactory.getLogger("com.example.shop.OrderService");

    private LogbackExample()
    {
    }

    public static void main(String[] args) throws IOException
    {
        String app = args.length > 0 ? args[0] : "logback";
        int logged = 0;

        MDC.put("requestId", "req-1001");
        MDC.put("customer", "alice");
        LOG.info("Order {} received: {} items", "o-42", 3);
        logged++;
        LOG.atInfo().addKeyValue("amount", "19.90").addKeyValue("currency", "EUR").log("Payment authorised");
        logged++;
        LOG.debug("Cache miss for o-42 (below the configured level, not sent)");
        MDC.put("requestId", "req-1002");
        LOG.warn("Stock for sku {} is low: {} left", "sku-7", 2);
        logged++;
        LOG.error("Shipping label service failed for o-42",
                new IllegalStateException("label service answered 503", new java.io.IOException("reset by peer")));
        logged++;
        MDC.clear();
        LOG.info("Ünïcödé is sent as UTF-8: 日本語, emoji 😀");
        logged++;

        // Keep the appender to read its statistics after stopping the context, which delivers everything buffered.
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        CloudWatchLogsAppender appender = (CloudWatchLogsAppender) context
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");
        context.stop();

        DemoSummary.report(app, appender.getLogGroup(), logged, appender.getStatistics());
    }
}
