package io.github.cwlappender.it.reliability;

import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Engine settings pointing at a strict fake, with a log group and stream named for the scenario. */
final class FakeEngines
{
    static final String GROUP_PREFIX = "/cwl/reliability/";

    private FakeEngines()
    {
    }

    static String group(String scenario)
    {
        return GROUP_PREFIX + scenario;
    }

    static String stream(String scenario)
    {
        return scenario + "-stream";
    }

    /** The engine creates the group and stream itself, through the fake, like a first start in production. */
    static EngineConfig.Builder config(StrictCloudWatchLogsServer server, String scenario)
    {
        return EngineConfig.builder()
                .name(scenario)
                .logGroup(group(scenario))
                .logStream(stream(scenario))
                .endpoint(server.endpoint())
                .region(server.region())
                .credentialsProvider(server.credentials());
    }

    /**
     * The engine exactly as a user gets it who only says where to deliver: log group, stream, endpoint, region and
     * credentials. Every behaviour option (buffer, full-buffer policy, linger, batching, retries, timeouts) keeps
     * its default, and this checks that it does.
     */
    static EngineConfig defaultsOnly(StrictCloudWatchLogsServer server, String scenario)
    {
        return defaultsOnly(server, server.endpoint(), scenario);
    }

    /** As {@link #defaultsOnly(StrictCloudWatchLogsServer, String)}, through another endpoint (a proxy). */
    static EngineConfig defaultsOnly(StrictCloudWatchLogsServer server, String endpoint, String scenario)
    {
        EngineConfig config = config(server, scenario).endpoint(endpoint).build();
        assertDefaults(config);
        return config;
    }

    /** Fails naming each behaviour option of {@code config} that differs from the engine's default. */
    static void assertDefaults(EngineConfig config)
    {
        EngineConfig d = EngineConfig.builder().logGroup("defaults").logStream("defaults").region("us-east-1").build();
        List<String> differ = new ArrayList<>();
        same(differ, "bufferSize", config.bufferSize(), d.bufferSize());
        same(differ, "bufferBytes", config.bufferBytes(), d.bufferBytes());
        same(differ, "onBufferFull", config.onBufferFull(), d.onBufferFull());
        same(differ, "blockTimeoutMillis", config.blockTimeoutMillis(), d.blockTimeoutMillis());
        same(differ, "maxBatchEvents", config.maxBatchEvents(), d.maxBatchEvents());
        same(differ, "maxBatchBytes", config.maxBatchBytes(), d.maxBatchBytes());
        same(differ, "lingerMillis", config.lingerMillis(), d.lingerMillis());
        same(differ, "maxInFlight", config.maxInFlight(), d.maxInFlight());
        same(differ, "oversize", config.oversize(), d.oversize());
        same(differ, "maxEventBytes", config.maxEventBytes(), d.maxEventBytes());
        same(differ, "retryTimeoutMillis", config.retryTimeoutMillis(), d.retryTimeoutMillis());
        same(differ, "shutdownTimeoutMillis", config.shutdownTimeoutMillis(), d.shutdownTimeoutMillis());
        same(differ, "requestTimeoutMillis", config.requestTimeoutMillis(), d.requestTimeoutMillis());
        same(differ, "retryBaseDelay", config.retryBaseDelay(), d.retryBaseDelay());
        same(differ, "retryMaxDelay", config.retryMaxDelay(), d.retryMaxDelay());
        same(differ, "createLogGroup", config.createLogGroup(), d.createLogGroup());
        same(differ, "createLogStream", config.createLogStream(), d.createLogStream());
        same(differ, "client", config.client(), d.client());
        if (!differ.isEmpty())
        {
            throw new AssertionError("not the default configuration: " + differ);
        }
    }

    private static void same(List<String> differ, String option, Object actual, Object expected)
    {
        if (!Objects.equals(actual, expected))
        {
            differ.add(option + "=" + actual + " (default " + expected + ")");
        }
    }
}
