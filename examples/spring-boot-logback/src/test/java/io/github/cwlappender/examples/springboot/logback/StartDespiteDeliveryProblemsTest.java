package io.github.cwlappender.examples.springboot.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.testsupport.jvm.ExampleJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot fails a start on any error status it finds once it has configured Logback, including those that
 * arrive from the appender's own threads while it checks: the first start's client build, or the refusal that the
 * appender of an earlier application in the same JVM repeats as Boot replaces it. Problems met while delivering must
 * never stop an application. The example runs in its own JVM with no credentials and an endpoint on a closed
 * loopback port, so nothing leaves the machine.
 */
class StartDespiteDeliveryProblemsTest
{
    private static final String APPENDER_STATUS =
            "in io.github.cwlappender.logback.CloudWatchLogsAppender[CLOUDWATCH] - CloudWatch Logs appender"
                    + " [CLOUDWATCH]: ";

    private final String logGroup = "/cwl-test/spring-boot-logback/start-despite-delivery-problems";

    @Test
    void aSecondStartInTheSameJvmSucceedsWhileTheFirstAppenderRepeatsThatCredentialsAreMissing() throws Exception
    {
        ExampleJvm.Result result = new ExampleJvm().property("app.logs.group", logGroup)
                .property("app.logs.region", "us-east-1").property("app.logs.endpoint", closedLoopbackEndpoint())
                .run(StartTwiceInOneJvm.class);

        assertThat(result.stdout()).as("%s", result).contains(StartTwiceInOneJvm.SECOND_START_SUCCEEDED)
                .doesNotContain(StartTwiceInOneJvm.SECOND_START_FAILED);
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("the repeat came while the second application started; %s", result)
                .contains(StartTwiceInOneJvm.FIRST_APPENDER_REPORTED + "WARN PutLogEvents is refused");
    }

    @Test
    void theFirstStartSucceedsWhenTheClientCannotBeBuiltForWantOfARegion() throws Exception
    {
        ExampleJvm.Result result = new ExampleJvm().property("app.logs.group", logGroup)
                .property("app.logs.endpoint", closedLoopbackEndpoint())
                .property("app.logs.shutdown-timeout-millis", "1000").run(ShopApplication.class);

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).as("%s", result).contains("Started ShopApplication");
        assertThat(result.stderr()).as("%s", result)
                .doesNotContain("Logback configuration error detected")
                .contains("WARN " + APPENDER_STATUS + "cannot build the CloudWatch Logs client");
    }

    /** A loopback port that nothing listens on. */
    private static String closedLoopbackEndpoint() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
