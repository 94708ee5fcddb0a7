package io.github.cwlappender.it.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.StatusListener;
import io.github.cwlappender.testsupport.moto.MotoServer;
import io.github.cwlappender.testsupport.moto.MotoServerExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * The same promises as {@link LogGroupSettingsTest}, read back from moto with DescribeLogGroups and its tags: moto
 * is a second, independent reading of the CreateLogGroup request (tags, KMS key) and of PutRetentionPolicy.
 */
@ExtendWith(MotoServerExtension.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LogGroupSettingsOnMotoTest
{
    @Test
    void aGroupTheAppenderCreatesGetsTheTagsKeyClassAndRetention(MotoServer moto)
    {
        String group = "/test/settings-moto/created-" + System.nanoTime();

        deliverOneEvent(moto, group);

        LogGroup created = describe(moto.client(), group);
        assertThat(created.kmsKeyId()).isEqualTo(LogGroupSettingsTest.KMS_KEY);
        assertThat(created.retentionInDays()).isEqualTo(14);
        // moto accepts logGroupClass but does not report it back; LogGroupSettingsTest checks it on the strict fake.
        assertThat(tags(moto.client(), group)).containsOnly(Map.entry("team", "payments"), Map.entry("env", "prod"));
    }

    @Test
    void anExistingGroupIsLeftAsItIs(MotoServer moto)
    {
        String group = "/test/settings-moto/existing-" + System.nanoTime();
        moto.client().createLogGroup(b -> b.logGroupName(group).tags(Map.of("owner", "platform")));

        deliverOneEvent(moto, group);

        LogGroup existing = describe(moto.client(), group);
        assertThat(existing.kmsKeyId()).isNull();
        assertThat(existing.retentionInDays()).isNull();
        assertThat(existing.logGroupClassAsString()).isIn(null, "STANDARD");
        assertThat(tags(moto.client(), group)).containsOnly(Map.entry("owner", "platform"));
    }

    private static void deliverOneEvent(MotoServer moto, String group)
    {
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(EngineConfig.builder()
                .logGroup(group).logStream("s")
                .endpoint(moto.endpoint()).region(moto.region()).credentialsProvider(moto.credentials())
                .tags("team=payments,env=prod").kmsKeyId(LogGroupSettingsTest.KMS_KEY)
                .logGroupClass("INFREQUENT_ACCESS").retentionDays(14)
                .build(), StatusListener.silent());
        engine.start();
        engine.append(System.currentTimeMillis(), "hello");
        assertThat(engine.stop(Duration.ofSeconds(30))).as("%s", engine.statistics()).isTrue();
        assertThat(moto.readEvents(group, "s")).hasSize(1);
    }

    private static LogGroup describe(CloudWatchLogsClient client, String group)
    {
        return client.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().stream()
                .filter(g -> g.logGroupName().equals(group)).findFirst().orElseThrow();
    }

    @SuppressWarnings("deprecation") // ListTagsLogGroup: moto answers it for every version we run
    private static Map<String, String> tags(CloudWatchLogsClient client, String group)
    {
        return client.listTagsLogGroup(b -> b.logGroupName(group)).tags();
    }
}
