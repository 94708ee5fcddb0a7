package io.github.cwlappender.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.github.cwlappender.it.LocalStack;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * Both adapters, configured from the same XML files as the moto tests, delivering to LocalStack in Docker and read
 * back with GetLogEvents. Skipped, with the reason, where there is no Docker engine.
 */
class LocalStackAdaptersDeliveryTest
{
    private static final int EVENTS = 50;

    private static LocalStackContainer localStack;

    @BeforeAll
    static void startLocalStack()
    {
        localStack = LocalStack.startIfDockerAvailable(LocalStackAdaptersDeliveryTest.class);
    }

    @AfterAll
    static void stopLocalStack()
    {
        if (localStack != null)
        {
            localStack.stop();
        }
    }

    @BeforeEach
    void requireDocker()
    {
        LocalStack.assumeRunning(localStack);
        System.setProperty("cwl.endpoint", localStack.getEndpoint().toString());
    }

    @AfterEach
    void clearProperties()
    {
        System.clearProperty("cwl.endpoint");
        System.clearProperty("cwl.it.logGroup");
    }

    @Test
    void logbackDeliversEveryEventInOrderWithItsMdc() throws Exception
    {
        String group = Groups.unique("localstack-logback");
        System.setProperty("cwl.it.logGroup", group);
        ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/adapters-logback.xml"));
        org.slf4j.Logger log = context.getLogger("com.example.shop.Checkout");
        for (int i = 0; i < EVENTS; i++)
        {
            context.getMDCAdapter().put("requestId", "req-" + i);
            log.info("step {} done", i);
        }

        context.stop();

        assertThat(readBack(group, "adapters-logback")).containsExactlyElementsOf(expected());
    }

    @Test
    void log4j2DeliversEveryEventInOrderWithItsThreadContext() throws Exception
    {
        String group = Groups.unique("localstack-log4j2");
        System.setProperty("cwl.it.logGroup", group);
        org.apache.logging.log4j.core.LoggerContext context = new org.apache.logging.log4j.core.LoggerContext(
                "localstack-log4j2", null, getClass().getResource("/adapters-log4j2.xml").toURI());
        context.start();
        org.apache.logging.log4j.Logger log = context.getLogger("com.example.shop.Checkout");
        for (int i = 0; i < EVENTS; i++)
        {
            ThreadContext.put("requestId", "req-" + i);
            log.info("step {} done", i);
        }
        ThreadContext.clearAll();

        context.stop();

        assertThat(readBack(group, "adapters-log4j2")).containsExactlyElementsOf(expected());
    }

    private static List<String> expected()
    {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++)
        {
            expected.add("INFO [req-" + i + "] com.example.shop.Checkout - step " + i + " done");
        }
        return expected;
    }

    private static List<String> readBack(String group, String stream)
    {
        try (CloudWatchLogsClient client = LocalStack.client(localStack))
        {
            return client.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true))
                    .events().stream().map(OutputLogEvent::message).collect(Collectors.toList());
        }
    }
}
