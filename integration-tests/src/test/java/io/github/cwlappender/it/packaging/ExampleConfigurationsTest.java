package io.github.cwlappender.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import com.sun.net.httpserver.HttpServer;
import io.github.cwlappender.core.EngineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/**
 * The example configurations in {@code examples/src/main/resources} are what people copy. Without
 * {@code -Dcwl.endpoint} they must use the AWS SDK's own endpoint resolution, never a loopback default that would
 * send a copied configuration's production logs to 127.0.0.1; only {@code scripts/demo.sh} points them at the
 * emulator.
 *
 * <p>To prove it without reaching AWS, the test sets the SDK's own global endpoint setting ({@code aws.endpointUrl},
 * which the SDK honours only when the client has no endpoint override) to a local HTTP stub, leaves
 * {@code cwl.endpoint} unset, and checks that the appender starts with no endpoint override and that its requests
 * arrive at the stub.
 */
class ExampleConfigurationsTest
{
    private static final String EXAMPLES = "examples/src/main/resources/";
    private static final String SDK_ENDPOINT_PROPERTY = "aws.endpointUrl";

    private final List<String> operations = new CopyOnWriteArrayList<>();
    private HttpServer stub;

    @BeforeEach
    void startStubAndClearTheDemoProperty() throws IOException
    {
        System.clearProperty("cwl.endpoint");
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody())
            {
                body.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            operations.add(target == null ? "?" : target.substring(target.indexOf('.') + 1));
            // Every CloudWatch Logs operation the appender calls accepts an empty JSON object as its answer.
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(answer);
            }
        });
        stub.start();
        System.setProperty(SDK_ENDPOINT_PROPERTY, "http://127.0.0.1:" + stub.getAddress().getPort());
    }

    @AfterEach
    void stopStub()
    {
        System.clearProperty(SDK_ENDPOINT_PROPERTY);
        stub.stop(0);
    }

    @Test
    void noExampleConfigurationNamesALoopbackEndpoint() throws IOException
    {
        try (var files = Files.list(ProjectFiles.root().resolve(EXAMPLES)))
        {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".xml"))::iterator)
            {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertThat(text).as(file.getFileName().toString()).doesNotContain("127.0.0.1")
                        .doesNotContain("localhost").doesNotContain(":4566");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"logback-example.xml", "logback-json-example.xml"})
    void aLogbackExampleWithoutCwlEndpointUsesTheSdksDefaultEndpoint(String file) throws Exception
    {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try
        {
            configure(context, ProjectFiles.file(EXAMPLES + file));
            io.github.cwlappender.logback.CloudWatchLogsAppender appender =
                    (io.github.cwlappender.logback.CloudWatchLogsAppender) context
                            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CLOUDWATCH");

            assertThat(appender).as("the CLOUDWATCH appender of %s", file).isNotNull();
            assertThat(appender.isStarted()).as("started (an unresolved ${cwl.endpoint} would stop it)").isTrue();
            assertThat(engineConfig(appender).endpoint()).as("endpoint override").isNull();

            Logger log = context.getLogger("com.example.Copied");
            log.info("sent where the SDK's default endpoint resolution says");
            assertThat(appender.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(operations).contains("PutLogEvents");
            assertThat(appender.getStatistics().delivered()).isEqualTo(1);
        }
        finally
        {
            context.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"log4j2-example.xml", "log4j2-json-example.xml"})
    void aLog4j2ExampleWithoutCwlEndpointUsesTheSdksDefaultEndpoint(String file) throws Exception
    {
        org.apache.logging.log4j.core.LoggerContext context = new org.apache.logging.log4j.core.LoggerContext(
                "example-" + file, null, ProjectFiles.file(EXAMPLES + file).toUri());
        try
        {
            context.start();
            io.github.cwlappender.log4j2.CloudWatchLogsAppender appender =
                    context.getConfiguration().getAppender("CLOUDWATCH");

            assertThat(appender).as("the CLOUDWATCH appender of %s (not created when an option is wrong)", file)
                    .isNotNull();
            assertThat(appender.isStarted()).isTrue();
            assertThat(engineConfig(appender).endpoint()).as("endpoint override").isNull();

            context.getLogger("com.example.Copied").info("sent where the SDK's default endpoint resolution says");
            assertThat(appender.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(operations).contains("PutLogEvents");
            assertThat(appender.getStatistics().delivered()).isEqualTo(1);
        }
        finally
        {
            context.stop();
        }
    }

    private static void configure(LoggerContext context, Path file) throws JoranException
    {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file.toFile());
    }

    /** The adapters keep their validated configuration package-private; this test lives elsewhere, so reflection. */
    private static EngineConfig engineConfig(Object appender) throws ReflectiveOperationException
    {
        Method method = appender.getClass().getDeclaredMethod("engineConfig");
        method.setAccessible(true);
        return (EngineConfig) method.invoke(appender);
    }
}
