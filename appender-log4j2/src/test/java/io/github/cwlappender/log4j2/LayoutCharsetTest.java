package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.core.layout.AbstractLayout;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text from a layout with any charset arrives as the application wrote it, read back from the strict fake service:
 * never bytes of one charset decoded as another.
 */
class LayoutCharsetTest
{
    private static final String NON_ASCII = "Ünïcödé café ÄÖÜ ß";
    private static final String BEYOND_LATIN_1 = "日本語のログ, emoji \uD83D\uDE00";

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "UTF-16", "Shift_JIS", "UTF-8"})
    void aPatternLayoutWithAnyCharsetDeliversTheTextIntact(String charset)
    {
        Layout<String> layout = PatternLayout.newBuilder().withPattern("%m").withCharset(Charset.forName(charset))
                .build();

        // Even what the charset cannot hold: a text layout is asked for its text, not its bytes.
        assertThat(deliver(layout, NON_ASCII, BEYOND_LATIN_1)).containsExactly(NON_ASCII, BEYOND_LATIN_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-8", "Shift_JIS"})
    void aLayoutThatMakesBytesOnlyIsReadWithTheCharsetOfItsContentType(String charset)
    {
        String text = charset.equals("Shift_JIS") ? "日本語のログ" : BEYOND_LATIN_1;

        assertThat(deliver(new BytesLayout(Charset.forName(charset)), text)).containsExactly("[" + text + "]");
    }

    private static List<String> deliver(Layout<?> layout, String... messages)
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = new LoggerContext("charset");
            ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
            builder.add(builder.newRootLogger(Level.INFO));
            context.start(builder.build(false));
            Configuration running = context.getConfiguration();
            CloudWatchLogsAppender appender = CloudWatchLogsAppender.newBuilder().setName("CHARSET")
                    .setLogGroup("/test/log4j2/charset").setLogStream("charset")
                    .setRegion(StrictCloudWatchLogsServer.REGION).setEndpoint(server.endpoint())
                    .setLayout(layout).setConfiguration(running).build();
            appender.start();
            running.addAppender(appender);
            running.getRootLogger().addAppender(appender, null, null);
            context.updateLoggers();
            for (String message : messages)
            {
                context.getLogger("com.example.Text").info(message);
            }
            assertThat(appender.flush(Duration.ofSeconds(30))).isTrue();
            context.stop();
            assertThat(server.invalidUtf16Messages()).isZero();
            return server.storedEvents("/test/log4j2/charset", "charset").stream().map(StoredEvent::message)
                    .collect(Collectors.toList());
        }
    }

    /** A layout that makes bytes only, naming their charset in its content type. */
    static final class BytesLayout extends AbstractLayout<byte[]>
    {
        private final Charset charset;

        BytesLayout(Charset charset)
        {
            super(null, null, null);
            this.charset = charset;
        }

        @Override
        public byte[] toByteArray(LogEvent event)
        {
            return ("[" + event.getMessage().getFormattedMessage() + "]").getBytes(charset);
        }

        @Override
        public byte[] toSerializable(LogEvent event)
        {
            return toByteArray(event);
        }

        @Override
        public String getContentType()
        {
            return "text/plain; charset=" + charset.name();
        }

        @Override
        public Map<String, String> getContentFormat()
        {
            return Map.of();
        }
    }
}
