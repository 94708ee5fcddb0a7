package io.github.cwlappender.it.reliability;

import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;

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
}
