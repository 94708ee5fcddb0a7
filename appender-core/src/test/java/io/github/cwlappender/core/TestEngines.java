package io.github.cwlappender.core;

import java.time.Duration;

/** Engine configurations for tests: a fake client, fast retries, and a short linger. */
final class TestEngines
{
    static final String GROUP = "/test/group";
    static final String STREAM = "test-stream";

    private TestEngines()
    {
    }

    static EngineConfig.Builder config(FakeLogsClient client)
    {
        return EngineConfig.builder()
                .name("test")
                .logGroup(GROUP)
                .logStream(STREAM)
                .client(client)
                .lingerMillis(50)
                .retryBaseDelay(Duration.ofMillis(1))
                .retryMaxDelay(Duration.ofMillis(20));
    }

    static CloudWatchLogsEngine started(EngineConfig config, StatusListener status)
    {
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);
        engine.start();
        return engine;
    }
}
