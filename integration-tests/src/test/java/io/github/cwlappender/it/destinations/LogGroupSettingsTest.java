package io.github.cwlappender.it.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.StatusListener;
import io.github.cwlappender.testsupport.fake.LogGroupSettings;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tags, KMS key, class and retention are applied to a log group the appender creates, and only to it: an existing
 * group is never changed. Against the strict fake, which checks each CreateLogGroup field as the service does and
 * keeps what it was given.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogGroupSettingsTest
{
    static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();

    @AfterEach
    void stop()
    {
        server.close();
    }

    @Test
    void aGroupTheAppenderCreatesGetsTheTagsKeyClassAndRetention()
    {
        deliverOneEvent("/test/settings/created");

        LogGroupSettings settings = server.logGroupSettings("/test/settings/created");
        assertThat(settings.tags()).containsExactly(Map.entry("team", "payments"), Map.entry("env", "prod"));
        assertThat(settings.kmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(settings.logGroupClass()).isEqualTo("INFREQUENT_ACCESS");
        assertThat(server.retentionDays("/test/settings/created")).isEqualTo(14);
        assertThat(server.storedEvents("/test/settings/created", "s")).hasSize(1);
    }

    @Test
    void anExistingGroupIsLeftAsItIs()
    {
        server.createLogGroup("/test/settings/existing");

        deliverOneEvent("/test/settings/existing");

        LogGroupSettings settings = server.logGroupSettings("/test/settings/existing");
        assertThat(settings.tags()).isEmpty();
        assertThat(settings.kmsKeyId()).isNull();
        assertThat(settings.logGroupClass()).isNull();
        assertThat(server.retentionDays("/test/settings/existing")).isNull();
        assertThat(server.requests(StrictCloudWatchLogsServer.CREATE_LOG_GROUP)).isZero();
        assertThat(server.requests(StrictCloudWatchLogsServer.PUT_RETENTION_POLICY)).isZero();
        assertThat(server.storedEvents("/test/settings/existing", "s")).hasSize(1);
    }

    @Test
    void withoutPermissionToTagTheGroupIsCreatedWithoutTagsWithAWarningAndNothingIsLost()
    {
        server.denyTagging();
        List<String> warnings = new CopyOnWriteArrayList<>();

        deliverOneEvent("/test/settings/untaggable", new StatusListener()
        {
            @Override
            public void info(String message)
            {
            }

            @Override
            public void warn(String message, Throwable cause)
            {
                warnings.add(message);
            }

            @Override
            public void error(String message, Throwable cause)
            {
                warnings.add(message);
            }
        });

        LogGroupSettings settings = server.logGroupSettings("/test/settings/untaggable");
        assertThat(settings.tags()).isEmpty();
        assertThat(settings.kmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(settings.logGroupClass()).isEqualTo("INFREQUENT_ACCESS");
        assertThat(server.retentionDays("/test/settings/untaggable")).isEqualTo(14);
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .contains("could not tag log group '/test/settings/untaggable'").contains("AccessDeniedException")
                .contains("grant logs:TagResource"));
        assertThat(server.storedEvents("/test/settings/untaggable", "s")).hasSize(1);
    }

    private void deliverOneEvent(String group)
    {
        deliverOneEvent(group, StatusListener.silent());
    }

    private void deliverOneEvent(String group, StatusListener status)
    {
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(EngineConfig.builder()
                .logGroup(group).logStream("s")
                .endpoint(server.endpoint()).region(server.region()).credentialsProvider(server.credentials())
                .tags("team=payments,env=prod").kmsKeyId(KMS_KEY).logGroupClass("infrequent_access")
                .retentionDays(14)
                .build(), status);
        engine.start();
        engine.append(System.currentTimeMillis(), "hello");
        assertThat(engine.stop(Duration.ofSeconds(20))).as("%s", engine.statistics()).isTrue();
        assertThat(engine.statistics().delivered()).isEqualTo(1);
    }
}
