package io.github.cwlappender.examples.springboot.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwlappender.testsupport.jvm.ExampleJvm;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/**
 * The Spring Boot 4.0 example on Log4j2, run as its users run it (its own JVM, {@code log4j2-spring.xml} with
 * {@code ${spring:...}} lookups, ECS JSON lines), against the moto emulator.
 */
@ExtendWith(MotoServerExtension.class)
class ShopApplicationTest
{
    private static final String APPENDER = "CloudWatch Logs appender [CLOUDWATCH]";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORDER_LINES = List.of(
            "INFO", "Order o-42 received: 3 items",
            "INFO", "Payment authorised for o-42: 19.90 EUR",
            "WARN", "Stock for sku-7 is low: 2 left",
            "ERROR", "Shipping label service failed for o-42",
            "INFO", "Ünïcödé is sent as UTF-8: 日本語, emoji 😀");

    private final String logGroup = "/cwl-test/spring-boot-log4j2/" + UUID.randomUUID();

    @Test
    void everyLineArrivesOnceAndInOrderWhenTheApplicationExits(MotoServer moto) throws Exception
    {
        ExampleJvm.Result result = pointedAt(moto).emulatorCredentials().run(ShopApplication.class);

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.output()).as("%s", result).doesNotContain("events not delivered");
        List<JsonNode> events = readBack(moto);
        assertThat(events).as("Boot's own start-up lines are shipped too")
                .anyMatch(e -> e.path("message").asText().startsWith("Started ShopApplication"));
        int previous = -1;
        for (int i = 0; i < ORDER_LINES.size(); i += 2)
        {
            String level = ORDER_LINES.get(i);
            String message = ORDER_LINES.get(i + 1);
            List<JsonNode> matching = events.stream().filter(e -> e.path("message").asText().equals(message))
                    .toList();
            assertThat(matching).as("events with message '%s' in %s", message, events).hasSize(1);
            assertThat(matching.get(0).path("log.level").asText()).isEqualTo(level);
            assertThat(matching.get(0).path("log.logger").asText()).isEqualTo(OrderService.class.getName());
            int index = events.indexOf(matching.get(0));
            assertThat(index).as("'%s' comes after the line before it", message).isGreaterThan(previous);
            previous = index;
        }
        JsonNode error = events.stream()
                .filter(e -> e.path("message").asText().startsWith("Shipping label service failed")).findFirst()
                .orElseThrow();
        assertThat(error.path("error.type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.path("error.message").asText()).isEqualTo("label printer offline while printing o-42");
        assertThat(error.path("error.stack_trace").asText()).as("the stack trace travels in the same event")
                .contains("at " + OrderService.class.getName() + ".printShippingLabel");
    }

    @Test
    void aWrongOptionStopsTheApplicationAtStartAndNamesTheOption(MotoServer moto) throws Exception
    {
        ExampleJvm.Result result = pointedAt(moto).emulatorCredentials()
                .property("app.logs.buffer-bytes", "abc").run(ShopApplication.class);

        assertThat(result.exitCode()).as("%s", result).isNotZero();
        assertThat(result.output()).as("%s", result)
                .contains(APPENDER + ": bufferBytes")
                .contains("Log4j2 could not create the appender(s) [CLOUDWATCH]")
                .doesNotContain("Started ShopApplication")
                .doesNotContain("Order o-42 received");
        assertThat(logGroupExists(moto)).as("nothing was sent").isFalse();
    }

    @Test
    void missingCredentialsDoNotStopTheApplicationAndTheLossIsReported(MotoServer moto) throws Exception
    {
        ExampleJvm.Result result = pointedAt(moto).property("app.logs.shutdown-timeout-millis", "2000")
                .run(ShopApplication.class);

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.output()).as("%s", result)
                .contains("Started ShopApplication")
                .contains("Shipping label service failed for o-42")
                .contains(APPENDER + ": PutLogEvents is refused")
                .containsPattern("stopped after 2000 ms with [1-9][0-9]* events not delivered");
        assertThat(logGroupExists(moto)).as("nothing was sent").isFalse();
    }

    private ExampleJvm pointedAt(MotoServer moto)
    {
        return new ExampleJvm().property("app.logs.group", logGroup).property("app.logs.region", moto.region())
                .property("app.logs.endpoint", moto.endpoint());
    }

    private List<JsonNode> readBack(MotoServer moto)
    {
        List<LogStream> streams = moto.client().describeLogStreams(b -> b.logGroupName(logGroup)).logStreams();
        assertThat(streams).as("log streams in %s", logGroup).hasSize(1);
        return moto.readEvents(logGroup, streams.get(0).logStreamName()).stream()
                .map(e -> parse(e.message())).toList();
    }

    private static JsonNode parse(String line)
    {
        try
        {
            return JSON.readTree(line);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e)
        {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }

    private boolean logGroupExists(MotoServer moto)
    {
        return !moto.client().describeLogGroups(b -> b.logGroupNamePrefix(logGroup)).logGroups().isEmpty();
    }
}
