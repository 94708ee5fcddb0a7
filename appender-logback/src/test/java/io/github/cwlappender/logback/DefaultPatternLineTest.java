package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.cwlappender.core.MessageText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default pattern's line, written in one pass, is exactly what Logback's own {@code PatternLayout} writes for the
 * same pattern (without the trailing line break), whatever the event holds.
 */
class DefaultPatternLineTest
{
    private final LoggerContext context = new LoggerContext();

    @Test
    void everyKindOfEventGetsTheTextLogbacksOwnLayoutGives()
    {
        PatternText ours = TestLayouts.patternText(context, CloudWatchLogsAppender.DEFAULT_PATTERN);
        PatternLayout logbacks = TestLayouts.logbackLayout(context, CloudWatchLogsAppender.DEFAULT_PATTERN);
        assertThat(ours.writesInOnePass()).as("the default pattern is written in one pass").isTrue();

        List<ILoggingEvent> events = events();
        // Twice: the second round reads the logger names and dates the first one left in the converters' caches.
        for (int round = 0; round < 2; round++)
        {
            for (ILoggingEvent event : events)
            {
                assertThat(ours.format(event)).isEqualTo(MessageText.withoutTrailingLineBreak(logbacks.doLayout(event)));
            }
        }
    }

    @Test
    void withPackagingDataOnAStackTraceShowsItAsLogbacksLayoutDoes()
    {
        context.setPackagingDataEnabled(true);
        PatternText ours = TestLayouts.patternText(context, CloudWatchLogsAppender.DEFAULT_PATTERN);
        PatternLayout logbacks = TestLayouts.logbackLayout(context, CloudWatchLogsAppender.DEFAULT_PATTERN);
        assertThat(ours.writesInOnePass()).isTrue();

        ILoggingEvent event = event("com.example.Io", Level.ERROR, "main", "write failed", null,
                new UncheckedIOException(new IOException("disk full")));

        String line = ours.format(event);
        assertThat(line).isEqualTo(MessageText.withoutTrailingLineBreak(logbacks.doLayout(event)));
        assertThat(line).contains("java.io.IOException: disk full").contains(" ~[");
    }

    @Test
    void theSameShapeWithAnotherDateFormatOrLoggerLengthIsWrittenInOnePassToo()
    {
        for (String pattern : new String[] {
            "%d{HH:mm:ss} %-5level [%thread] %logger{36} - %msg%n",
            "%d{ISO8601, UTC} %-5level [%thread] %logger{10} - %msg%n",
            "%date %-5level [%thread] %logger - %msg%n",
        })
        {
            assertWrittenAsLogbackWritesIt(pattern, true, events());
        }
    }

    @Test
    void anyOtherPatternIsWrittenThroughItsChainAsBefore()
    {
        for (String pattern : new String[] {
            "%d{ISO8601} %-6level [%thread] %logger{36} - %msg%n",
            "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%ex{short}%n",
            "%d{ISO8601} %5level [%thread] %logger{36} - %msg%n",
            "%d{ISO8601} %-5level [%.10thread] %logger{36} - %msg%n",
            "%d{ISO8601} %-5level [%thread] %logger{36} -- %msg%n",
            "%msg%n",
        })
        {
            assertWrittenAsLogbackWritesIt(pattern, false, List.of(event("com.example.Orders", Level.INFO, "main",
                    "order {} shipped", new Object[] {7}, null)));
        }
    }

    private List<ILoggingEvent> events()
    {
        List<ILoggingEvent> events = new ArrayList<>();
        String[] loggers = {"com.example.shop.fulfilment.OrderShippingService", "Orders", "ROOT",
            "org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration",
            "com.example.Ünïcödé.日本語.Service"};
        String[] threads = {"main", "http-nio-8080-exec-12", "", "スレッド-1",
            "io.github.cwlappender.benchmarks.PacedAppendBenchmark.logbackTwoThreads-jmh-worker-1"};
        Level[] levels = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};
        long timestamp = 1_764_000_000_123L;
        for (int i = 0; i < 25; i++)
        {
            LoggingEvent event = event(loggers[i % loggers.length], levels[i % levels.length],
                    threads[(i / levels.length) % threads.length], "order {} shipped to {}",
                    new Object[] {i, "Zürich"}, null);
            // Across seconds and days, and within one millisecond twice.
            event.setTimeStamp(timestamp + (i / 2) * 86_399_001L);
            events.add(event);
        }
        events.add(event("com.example.Text", Level.INFO, "main", "two\nlines\r\nand a tab\t", null, null));
        events.add(event("com.example.Text", Level.INFO, "main", "", null, null));
        events.add(event("com.example.Text", Level.INFO, "main", null, null, null));
        events.add(event("com.example.Text", Level.WARN, "main", "{} and {}", new Object[] {null, "x"}, null));
        events.add(event("com.example.Text", Level.INFO, "main", "emoji 😀 and a lone \uD800 surrogate", null, null));
        IllegalStateException failure = new IllegalStateException("printer offline",
                new IllegalArgumentException("no paper"));
        failure.addSuppressed(new RuntimeException("retry failed"));
        events.add(event("com.example.Shipping", Level.ERROR, "worker-3", "label for order {} not printed",
                new Object[] {"o-42"}, failure));
        events.add(event("com.example.Shipping", Level.WARN, "worker-3", "no message text", null,
                new NullPointerException()));
        return events;
    }

    private LoggingEvent event(String loggerName, Level level, String thread, String message, Object[] arguments,
            Throwable throwable)
    {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger(loggerName), level, message,
                throwable, arguments);
        event.setThreadName(thread);
        event.setTimeStamp(1_764_000_000_123L);
        return event;
    }

    private void assertWrittenAsLogbackWritesIt(String pattern, boolean inOnePass, List<ILoggingEvent> events)
    {
        PatternText ours = TestLayouts.patternText(context, pattern);
        PatternLayout logbacks = TestLayouts.logbackLayout(context, pattern);
        assertThat(ours.writesInOnePass()).as(pattern).isEqualTo(inOnePass);
        for (ILoggingEvent event : events)
        {
            assertThat(ours.format(event)).as(pattern)
                    .isEqualTo(MessageText.withoutTrailingLineBreak(logbacks.doLayout(event)));
        }
    }
}
