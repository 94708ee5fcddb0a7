package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario 7: an application logs through an adapter while CloudWatch Logs cannot be reached, then returns from
 * {@code main}. Its JVM must exit within the appender's shutdown timeout (2 s in the configs) plus a second, and the
 * appender must say how many events it could not deliver.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShutdownWhileUnreachableTest
{
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2000;
    private static final int EVENTS = 200;
    private static final Pattern NOT_DELIVERED = Pattern.compile("with (\\d+) events not delivered");

    @ParameterizedTest(name = "{0}, endpoint {1}")
    @CsvSource({"logback, refusing", "logback, silent", "log4j2, refusing", "log4j2, silent"})
    void theJvmExitsWithinTheShutdownTimeoutAndTheAppenderReportsWhatItDropped(String adapter, String endpointKind)
            throws Exception
    {
        try (SilentServer silent = new SilentServer())
        {
            String endpoint = endpointKind.equals("silent") ? silent.endpoint() : SilentServer.closedPortEndpoint();
            ChildJvm.Result child = ChildJvm.run(adapter, EVENTS, 0, childProperties(adapter, endpoint,
                    "unreachable-" + adapter), Duration.ofSeconds(60));
            String output = child.output();
            Matcher m = NOT_DELIVERED.matcher(output);
            Report.of("shutdown-unreachable-" + adapter + "-" + endpointKind).put("events", EVENTS)
                    .put("exitAfterDoneMs", child.finishedLogging() ? child.exitAfterDoneMillis() : "n/a")
                    .put("reportedNotDelivered", m.find() ? m.group(1) : "none")
                    .put("exitCode", child.exitCode).print();
            System.out.print(child.appenderLines());

            assertThat(child.finishedLogging()).as("child output:\n%s", output).isTrue();
            assertThat(child.exitCode).as("child output:\n%s", output).isZero();
            assertThat(child.exitAfterDoneMillis()).as("exit after main finished logging; child output:\n%s", output)
                    // The stop takes its whole timeout; the JVM's own exit on a loaded machine takes up to a few
                    // hundred ms more. A hang would take the 60 s the child is given.
                    .isLessThanOrEqualTo(SHUTDOWN_TIMEOUT_MILLIS + 2000);
            assertThat(NOT_DELIVERED.matcher(output).results().map(r -> r.group(1)))
                    .as("the appender's report of what it dropped; child output:\n%s", output)
                    .containsExactly(Integer.toString(EVENTS));
            // The books balance in the child too: everything accepted is counted, nothing left pending.
            assertThat(output).contains("accepted=" + EVENTS + ", delivered=0").contains("SHUTDOWN=" + EVENTS)
                    .contains("pending=0");
            if (endpointKind.equals("silent"))
            {
                assertThat(silent.connections()).as("the child reached the silent endpoint").isPositive();
            }
        }
    }

    /** What a child needs: where to send, the config for its adapter, and the build's dummy credentials. */
    static Map<String, String> childProperties(String adapter, String endpoint, String scenario)
    {
        Map<String, String> properties = new HashMap<>();
        properties.put("cwl.endpoint", endpoint);
        properties.put("cwl.logGroup", FakeEngines.group(scenario));
        properties.put("cwl.logStream", FakeEngines.stream(scenario));
        properties.put(adapter.equals("logback") ? "logback.configurationFile" : "log4j2.configurationFile",
                "reliability-" + adapter + "-child.xml");
        for (String key : new String[] {"aws.accessKeyId", "aws.secretAccessKey"})
        {
            if (System.getProperty(key) != null)
            {
                properties.put(key, System.getProperty(key));
            }
        }
        return properties;
    }
}
