package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineConfigTest
{
    @Test
    void defaultsMatchTheDocumentation()
    {
        EngineConfig config = EngineConfig.builder().logGroup("/app/orders").build();

        assertThat(config.bufferSize()).isEqualTo(32_768);
        assertThat(config.bufferBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.onBufferFull()).isEqualTo(OnBufferFull.ADAPTIVE);
        assertThat(config.blockTimeoutMillis()).isEqualTo(5000);
        assertThat(config.maxBatchEvents()).isEqualTo(10_000);
        assertThat(config.maxBatchBytes()).isEqualTo(1_048_576);
        assertThat(config.lingerMillis()).isEqualTo(1000);
        assertThat(config.maxInFlight()).isEqualTo(2);
        assertThat(config.oversize()).isEqualTo(OversizePolicy.TRUNCATE);
        assertThat(config.maxEventBytes()).isEqualTo(1_048_550);
        assertThat(config.shutdownTimeoutMillis()).isEqualTo(10_000);
        assertThat(config.createLogGroup()).isTrue();
        assertThat(config.createLogStream()).isTrue();
        assertThat(config.logStream()).doesNotContain("{").isNotEmpty();
    }

    @Test
    void everyWrongOptionIsReportedWithWhatToWriteInstead()
    {
        EngineConfig.Builder builder = EngineConfig.builder().logGroup("aws/reserved").logStream("a:b")
                .bufferSize(1000).maxBatchEvents(20_000).maxBatchBytes(2_000_000).maxEventBytes(2_000_000)
                .maxInFlight(0).onBufferFull("wait").oversize("shrink").retentionDays(10).endpoint("ftp://x")
                .lingerMillis(-1).bufferBytes("lots");

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.problems()).hasSize(13);
            assertThat(e.problems()).anyMatch(p -> p.startsWith("bufferSize must be a power of two")
                    && p.contains("32768"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("bufferBytes must be a byte count such as 64MB"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("maxBatchEvents must be from 1 to 10000"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("onBufferFull must be one of [DROP, BLOCK, ADAPTIVE]"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("oversize must be one of [TRUNCATE, SPLIT, DROP]"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("retentionDays must be one of [1, 3, 5, 7"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("logGroup must be"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("logStream must"));
            assertThat(e.problems()).anyMatch(p -> p.startsWith("endpoint must be an http or https URL"));
        });
    }

    @Test
    void bufferBytesIsReadAsPeopleWriteSizes()
    {
        assertThat(EngineConfig.builder().logGroup("/a").bufferBytes("64MB").build().bufferBytes())
                .isEqualTo(64L << 20);
        assertThat(EngineConfig.builder().logGroup("/a").bufferBytes("512 KiB").bufferBytes(4L << 20).build()
                .bufferBytes()).as("the last setter wins").isEqualTo(4L << 20);
        assertThat(EngineConfig.builder().logGroup("/a").bufferBytes("1g").build().bufferBytes()).isEqualTo(1L << 30);
        assertThat(EngineConfig.builder().logGroup("/a").bufferBytes("3145728").build().bufferBytes())
                .isEqualTo(3L << 20);
        assertThatThrownBy(() -> EngineConfig.builder().logGroup("/a").bufferBytes("1MB").build())
                .hasMessageContaining("bufferBytes must be at least 2097152 (2MB)");
        assertThatThrownBy(() -> EngineConfig.builder().logGroup("/a").bufferBytes("64 MBytes").build())
                .hasMessageContaining("bufferBytes must be a byte count such as 64MB");
    }

    @Test
    void logGroupIsRequired()
    {
        assertThatThrownBy(() -> EngineConfig.builder().build())
                .hasMessageContaining("logGroup is required");
    }

    @Test
    void limitsCanBeLoweredButNeverRaised()
    {
        EngineConfig lowered = EngineConfig.builder().logGroup("g").maxBatchEvents(500).maxBatchBytes(65_536)
                .maxEventBytes(1_048_550).build();

        assertThat(lowered.maxBatchEvents()).isEqualTo(500);
        assertThat(lowered.maxBatchBytes()).isEqualTo(65_536);
        // One event must fit in one batch with its 26 bytes of overhead.
        assertThat(lowered.maxEventBytes()).isEqualTo(65_536 - 26);
        assertThatThrownBy(() -> EngineConfig.builder().logGroup("g").maxBatchEvents(10_001).build())
                .isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> EngineConfig.builder().logGroup("g").maxBatchBytes(1_048_577).build())
                .isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> EngineConfig.builder().logGroup("g").maxEventBytes(1_048_551).build())
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void enumOptionsAcceptAnyCase()
    {
        EngineConfig config = EngineConfig.builder().logGroup("g").onBufferFull("Block").oversize("split").build();

        assertThat(config.onBufferFull()).isEqualTo(OnBufferFull.BLOCK);
        assertThat(config.oversize()).isEqualTo(OversizePolicy.SPLIT);
    }

    @Test
    void streamNameTokensAreExpanded()
    {
        EngineConfig config = EngineConfig.builder().logGroup("g").logStream("app-{pid}-{uuid}").build();

        assertThat(config.logStream()).startsWith("app-" + ProcessHandle.current().pid() + "-")
                .matches("app-\\d+-[0-9a-f-]{36}");
    }

    @Test
    void toStringNeverShowsCredentials()
    {
        EngineConfig config = EngineConfig.builder().logGroup("g")
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDSECRETSHOWN",
                                "very-secret-key")))
                .build();

        assertThat(config.toString()).doesNotContain("AKIDSECRETSHOWN").doesNotContain("very-secret-key")
                .contains("credentials=supplied");
    }
}
