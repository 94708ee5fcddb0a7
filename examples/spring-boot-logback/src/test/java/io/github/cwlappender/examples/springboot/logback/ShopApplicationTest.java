package io.github.cwlappender.examples.springboot.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.testsupport.jvm.ExampleJvm;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * The Spring Boot 3.5 example on Logback, run as its users run it (its own JVM, {@code logback-spring.xml} with
 * {@code <springProperty>}), against the moto emulator.
 */
@ExtendWith(MotoServerExtension.class)
class ShopApplicationTest
{
    private static final String APPENDER = "CloudWatch Logs appender [CLOUDWATCH]";
    private static final List<String> ORDER_LINES = List.of(
            "INFO  [main] ", "Order o-42 received: 3 items",
            "INFO  [main] ", "Payment authorised for o-42: 19.90 EUR",
            "WARN  [main] ", "Stock for sku-7 is low: 2 left",
            "ERROR [main] ", "Shipping label service failed for o-42",
            "INFO  [main] ", "Ünïcödé is sent as UTF-8: 日本語, emoji 😀");

    private final String logGroup = "/cwl-test/spring-boot-logback/" + UUID.randomUUID();

    @Test
    void everyLineArrivesOnceAndInOrderWhenTheApplicationExits(MotoServer moto) throws Exception
    {
        ExampleJvm.Result result = pointedAt(moto).emulatorCredentials().run(ShopApplication.class);

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.output()).as("%s", result).doesNotContain("events not delivered");
        List<String> messages = readBack(moto);
        assertThat(messages).as("Boot's own start-up lines are shipped too")
                .anyMatch(m -> m.contains("Started ShopApplication"));
        int previous = -1;
        for (int i = 0; i < ORDER_LINES.size(); i += 2)
        {
            String level = ORDER_LINES.get(i);
            String text = ORDER_LINES.get(i + 1);
            List<String> matching = messages.stream().filter(m -> m.contains(text)).toList();
            assertThat(matching).as("events containing '%s' in %s", text, messages).hasSize(1);
            assertThat(matching.get(0)).startsWith(level);
            int index = messages.indexOf(matching.get(0));
            assertThat(index).as("'%s' comes after the line before it", text).isGreaterThan(previous);
            previous = index;
        }
        String error = messages.stream().filter(m -> m.contains("Shipping label service failed")).findFirst()
                .orElseThrow();
        assertThat(error).as("the exception travels in the same event")
                .contains("java.lang.IllegalStateException: label printer offline while printing o-42")
                .contains("\tat " + OrderService.class.getName() + ".printShippingLabel");
    }

    @Test
    void aWrongOptionStopsTheApplicationAtStartAndNamesTheOption(MotoServer moto) throws Exception
    {
        ExampleJvm.Result result = pointedAt(moto).emulatorCredentials()
                .property("app.logs.buffer-bytes", "abc").run(ShopApplication.class);

        assertThat(result.exitCode()).as("%s", result).isNotZero();
        assertThat(result.stdout()).as("%s", result).doesNotContain("Started ShopApplication");
        assertThat(result.stderr()).as("%s", result)
                .contains("Logback configuration error detected")
                .contains(APPENDER + ": bufferBytes");
        assertThat(logGroupExists(moto)).as("nothing was sent").isFalse();
    }

    @Test
    void missingCredentialsDoNotStopTheApplicationAndTheLossIsReported(MotoServer moto) throws Exception
    {
        ExampleJvm.Result result = pointedAt(moto).property("app.logs.shutdown-timeout-millis", "2000")
                .run(ShopApplication.class);

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains("Started ShopApplication")
                .contains("Shipping label service failed for o-42");
        assertThat(result.stderr()).as("%s", result)
                .contains(APPENDER + ": PutLogEvents is refused")
                .containsPattern("stopped after 2000 ms with [1-9][0-9]* events not delivered");
        assertThat(logGroupExists(moto)).as("nothing was sent").isFalse();
    }

    private ExampleJvm pointedAt(MotoServer moto)
    {
        return new ExampleJvm().property("app.logs.group", logGroup).property("app.logs.region", moto.region())
                .property("app.logs.endpoint", moto.endpoint());
    }

    private List<String> readBack(MotoServer moto)
    {
        List<LogStream> streams = moto.client().describeLogStreams(b -> b.logGroupName(logGroup)).logStreams();
        assertThat(streams).as("log streams in %s", logGroup).hasSize(1);
        return moto.readEvents(logGroup, streams.get(0).logStreamName()).stream().map(OutputLogEvent::message)
                .toList();
    }

    private boolean logGroupExists(MotoServer moto)
    {
        return !moto.client().describeLogGroups(b -> b.logGroupNamePrefix(logGroup)).logGroups().isEmpty();
    }
}
