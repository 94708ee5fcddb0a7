package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.pattern.Converter;
import io.github.cwlappender.core.MessageText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The default pattern's {@code %logger{36}} reads remembered names without Logback's lock and gives Logback's text. */
class LoggerNameConverterTest
{
    private static final String[] NAMES = {
        "com.example.shop.fulfilment.OrderShippingService",
        "Orders",
        "a.b.C",
        "org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration",
        "com.example.x.y.z.AClassNameThatAloneIsLongerThanTheThirtySixCharactersTheDefaultAbbreviatesTo",
        "com.example.Ünïcödé.日本語.Service",
        "ROOT",
    };

    private final LoggerContext context = new LoggerContext();

    @Test
    void theDefaultPatternGivesWhatLogbacksOwnLayoutGivesForEveryNameAtEveryCall()
    {
        PatternText ours = TestLayouts.patternText(context, CloudWatchLogsAppender.DEFAULT_PATTERN);
        PatternLayout logbacks = TestLayouts.logbackLayout(context, CloudWatchLogsAppender.DEFAULT_PATTERN);

        // The first round asks Logback's converter; the later ones read what was remembered.
        for (int round = 0; round < 3; round++)
        {
            for (String name : NAMES)
            {
                ILoggingEvent event = event(name);
                assertThat(ours.format(event)).isEqualTo(MessageText.withoutTrailingLineBreak(logbacks.doLayout(event)));
            }
        }
        assertThat(ours.format(event("com.example.shop.fulfilment.OrderShippingService")))
                .as("abbreviated as %logger{36} is").contains(" c.e.s.f.OrderShippingService - ");
    }

    @Test
    void eachLoggerConversionKeepsItsWidthAlignmentAndLength()
    {
        String pattern = "[%-30logger{10}] [%20c{0}] [%lo] [%.12logger{36}] %msg";
        PatternText ours = TestLayouts.patternText(context, pattern);
        PatternLayout logbacks = TestLayouts.logbackLayout(context, pattern);

        for (int round = 0; round < 2; round++)
        {
            for (String name : NAMES)
            {
                ILoggingEvent event = event(name);
                assertThat(ours.format(event)).isEqualTo(logbacks.doLayout(event));
            }
        }
    }

    @Test
    void namesBeyondTheBoundAreStillRightButNotRemembered()
    {
        LoggerNameConverter converter = (LoggerNameConverter) inPlaceOfTheFirstConverter("%logger{12}");
        PatternLayout logbacks = TestLayouts.logbackLayout(context, "%logger{12}");

        int names = LoggerNameConverter.MAX_REMEMBERED + 100;
        for (int i = 0; i < names; i++)
        {
            ILoggingEvent event = event("com.example.generated.n" + i);
            assertThat(converter.convert(event)).isEqualTo(logbacks.doLayout(event));
        }
        assertThat(converter.remembered()).isEqualTo(LoggerNameConverter.MAX_REMEMBERED);
        ILoggingEvent beyond = event("com.example.generated.n" + (names - 1));
        assertThat(converter.convert(beyond)).isEqualTo(logbacks.doLayout(beyond));
    }

    @Test
    void threadsFormattingAtOnceEachGetTheirOwnLoggersName() throws InterruptedException
    {
        PatternText ours = TestLayouts.patternText(context, "%logger{20}|%msg");
        PatternLayout logbacks = TestLayouts.logbackLayout(context, "%logger{20}|%msg");
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++)
        {
            int self = t;
            Thread thread = new Thread(() -> {
                try
                {
                    go.await();
                }
                catch (InterruptedException e)
                {
                    return;
                }
                for (int i = 0; i < 20_000; i++)
                {
                    String name = "com.example.team" + self + ".module" + (i % 7) + ".Service" + (i % 13);
                    ILoggingEvent event = event(name);
                    String expected;
                    synchronized (logbacks)
                    {
                        expected = logbacks.doLayout(event);
                    }
                    String got = ours.format(event);
                    if (!got.equals(expected))
                    {
                        wrong.add(got + " instead of " + expected);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads)
        {
            thread.join();
        }
        assertThat(wrong).isEmpty();
    }

    private Converter<ILoggingEvent> inPlaceOfTheFirstConverter(String pattern)
    {
        List<Converter<ILoggingEvent>> chain = new ArrayList<>();
        PatternLayout layout = new PatternLayout();
        layout.setPattern(pattern);
        layout.setContext(context);
        layout.setPostCompileProcessor((ignored, head) -> chain.add(LoggerNameConverter.inPlaceOf(head)));
        layout.start();
        return chain.get(0);
    }

    private ILoggingEvent event(String loggerName)
    {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger(loggerName), Level.INFO,
                "order {} shipped", null, new Object[] {42});
        event.setTimeStamp(1_764_000_000_123L);
        return event;
    }
}
