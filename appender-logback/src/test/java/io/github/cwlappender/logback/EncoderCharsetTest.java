package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text from an {@code <encoder>} with any charset arrives as the application wrote it, read back from the strict fake
 * service: never bytes of one charset decoded as another.
 */
class EncoderCharsetTest
{
    private static final String NON_ASCII = "Ünïcödé café ÄÖÜ ß";
    private static final String BEYOND_LATIN_1 = "日本語のログ, emoji \uD83D\uDE00";

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "UTF-16", "Shift_JIS", "UTF-8"})
    void aPatternEncoderWithAnyCharsetDeliversTheTextIntact(String charset)
    {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern("%msg%n");
        encoder.setCharset(Charset.forName(charset));

        // Even what the charset cannot hold: the layout's text is sent, not its bytes.
        assertThat(deliver(encoder, NON_ASCII, BEYOND_LATIN_1)).containsExactly(NON_ASCII, BEYOND_LATIN_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-8", "Shift_JIS", "ISO-8859-1"})
    void anEncoderOfItsOwnIsReadWithTheCharsetItEncodesWith(String charset)
    {
        // Text each of these charsets can hold: an encoder's bytes are all there is to read.
        String text = charset.equals("Shift_JIS") ? "日本語のログ" : charset.equals("ISO-8859-1") ? NON_ASCII
                : BEYOND_LATIN_1;

        assertThat(deliver(new OwnCharsetEncoder(Charset.forName(charset)), text)).containsExactly("[" + text + "]");
    }

    @Test
    void utf8BytesThatAreNotWellFormedArriveRepairedNotRefused()
    {
        // No charset setting: read as UTF-8, so these bytes go to the engine as they are, and a stray lead byte
        // (0xC3 without its second byte) must not make the service refuse the request.
        OwnCharsetEncoder broken = new OwnCharsetEncoder(StandardCharsets.UTF_8)
        {
            @Override
            public byte[] encode(ILoggingEvent event)
            {
                byte[] text = ("[" + event.getFormattedMessage() + "] ").getBytes(StandardCharsets.UTF_8);
                byte[] line = java.util.Arrays.copyOf(text, text.length + 3);
                line[text.length] = (byte) 0xC3;
                line[text.length + 1] = '\r';
                line[text.length + 2] = '\n';
                return line;
            }
        };

        assertThat(deliver(broken, BEYOND_LATIN_1)).containsExactly("[" + BEYOND_LATIN_1 + "] \uFFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "UTF-16"})
    void aPatternEncoderThatChangesItsBytesIsReadWithItsCharset(String charset)
    {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>()
        {
            @Override
            public byte[] encode(ILoggingEvent event)
            {
                return ("<" + getLayout().doLayout(event) + ">").getBytes(getCharset());
            }
        };
        PatternLayout layout = new PatternLayout();
        layout.setContext(new LoggerContext());
        layout.setPattern("%msg");
        layout.start();
        encoder.setLayout(layout);
        encoder.setCharset(Charset.forName(charset));

        assertThat(deliver(encoder, NON_ASCII)).containsExactly("<" + NON_ASCII + ">");
    }

    private static List<String> deliver(Encoder<ILoggingEvent> encoder, String... messages)
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            context.start();
            encoder.setContext(context);
            CloudWatchLogsAppender appender = new CloudWatchLogsAppender();
            appender.setContext(context);
            appender.setName("CHARSET");
            appender.setLogGroup("/test/logback/charset");
            appender.setLogStream("charset");
            appender.setRegion(StrictCloudWatchLogsServer.REGION);
            appender.setEndpoint(server.endpoint());
            appender.setEncoder(encoder);
            appender.start();
            assertThat(appender.isStarted()).as("%s", context.getStatusManager().getCopyOfStatusList()).isTrue();
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.INFO);
            root.addAppender(appender);
            for (String message : messages)
            {
                context.getLogger("com.example.Text").info(message);
            }
            assertThat(appender.flush(Duration.ofSeconds(30))).isTrue();
            context.stop();
            assertThat(server.invalidUtf16Messages()).isZero();
            return server.storedEvents("/test/logback/charset", "charset").stream().map(StoredEvent::message)
                    .collect(Collectors.toList());
        }
    }

    /** An encoder that is no layout wrapper, with a charset setting as many third-party encoders have. */
    static class OwnCharsetEncoder extends EncoderBase<ILoggingEvent>
    {
        private final Charset charset;

        OwnCharsetEncoder(Charset charset)
        {
            this.charset = charset;
        }

        public Charset getCharset()
        {
            return charset;
        }

        @Override
        public byte[] headerBytes()
        {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event)
        {
            return ("[" + event.getFormattedMessage() + "]\n").getBytes(charset);
        }

        @Override
        public byte[] footerBytes()
        {
            return null;
        }
    }
}
