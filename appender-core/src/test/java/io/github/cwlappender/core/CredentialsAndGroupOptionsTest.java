package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

class CredentialsAndGroupOptionsTest
{
    @Test
    void aMistypedRegionIsAConfigurationErrorNamingTheOption()
    {
        assertThat(problems(Map.of("region", "us-east1"))).containsExactly(
                "region must be an AWS region name such as eu-west-1, us-east-1 or us-gov-west-1; got 'us-east1'");
        assertThat(problems(Map.of("region", "eu-west"))).singleElement().asString().startsWith("region must be");
        assertThat(problems(Map.of("region", "EU-WEST-1"))).singleElement().asString().contains("'EU-WEST-1'");
    }

    @Test
    void knownRegionsAndRegionsNewerThanTheSdkAreAccepted()
    {
        for (String region : List.of("eu-west-1", "us-gov-west-1", "cn-north-1", "us-iso-east-1", "ap-southeast-7",
                "eu-south-9", "us-isob-east-1"))
        {
            assertThat(problems(Map.of("region", region))).as(region).isEmpty();
        }
    }

    @Test
    void roleOptionsAreCheckedAndNeedARole()
    {
        assertThat(problems(Map.of("roleArn", "log-writer"))).singleElement().asString()
                .startsWith("roleArn must be an IAM role ARN such as arn:aws:iam::123456789012:role/log-writer");
        assertThat(problems(Map.of("externalId", "abc"))).singleElement().asString()
                .startsWith("roleSessionName and externalId are used only with roleArn");
        assertThat(problems(Map.of("roleArn", "arn:aws:iam::123456789012:role/w", "roleSessionName", "a b")))
                .singleElement().asString().startsWith("roleSessionName must be 2-64 characters");

        EngineConfig config = config(Map.of("roleArn", "arn:aws-us-gov:iam::123456789012:role/team/log-writer",
                "roleSessionName", "orders@prod", "externalId", "ext-123", "profile", "ops"));
        assertThat(config.roleArn()).isEqualTo("arn:aws-us-gov:iam::123456789012:role/team/log-writer");
        assertThat(config.roleSessionName()).isEqualTo("orders@prod");
        assertThat(config.externalId()).isEqualTo("ext-123");
        assertThat(config.profile()).isEqualTo("ops");
        // Not a secret (AWS says so), and part of what tells two configurations apart.
        assertThat(config.toString()).contains("externalId=ext-123");
    }

    @Test
    void aCredentialsProviderFactoryIsCreatedAtStartFromItsClassName()
    {
        EngineConfig config = config(Map.of("credentialsProviderFactory", AnonymousFactory.class.getName()));

        assertThat(config.credentialsProviderFactory()).isInstanceOf(AnonymousFactory.class);
    }

    @Test
    void aFactoryThatCannotBeCreatedIsAConfigurationErrorNamingTheClass()
    {
        assertThat(problems(Map.of("credentialsProviderFactory", "com.example.Missing"))).singleElement().asString()
                .contains("class 'com.example.Missing' was not found");
        assertThat(problems(Map.of("credentialsProviderFactory", String.class.getName()))).singleElement()
                .asString().contains("'java.lang.String' does not implement");
        assertThat(problems(Map.of("credentialsProviderFactory", NoDefaultConstructor.class.getName())))
                .singleElement().asString().contains("needs a public no-argument constructor");
        assertThat(problems(Map.of("credentialsProviderFactory", FailingFactory.class.getName()))).singleElement()
                .asString().contains("failed in its constructor").contains("no credentials here");
        assertThat(problems(Map.of("credentialsProviderFactory", AnonymousFactory.class.getName(), "profile", "p")))
                .containsExactly("set either profile or credentialsProviderFactory, not both");
    }

    @Test
    void aClientFactoryIsCreatedAtStartAndCannotBeCombinedWithCredentialsOptions()
    {
        assertThat(config(Map.of("clientFactory", NoClientFactory.class.getName())).clientFactory())
                .isInstanceOf(NoClientFactory.class);
        assertThat(problems(Map.of("clientFactory", AnonymousFactory.class.getName()))).singleElement().asString()
                .contains("clientFactory: class '" + AnonymousFactory.class.getName() + "' does not implement"
                        + " io.github.cwlappender.core.CloudWatchLogsClientFactory");
        assertThat(problems(Map.of("clientFactory", NoClientFactory.class.getName(), "roleArn",
                "arn:aws:iam::123456789012:role/w"))).singleElement().asString()
                .startsWith("clientFactory builds the whole client, credentials included");
    }

    @Test
    void logGroupSettingsAreParsedInTheOrderWritten()
    {
        EngineConfig config = config(Map.of("tags", " team=payments , env=prod,cost-centre=42/a:b ,empty=",
                "kmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "logGroupClass", "infrequent_access"));

        assertThat(config.tags()).containsExactly(Map.entry("team", "payments"), Map.entry("env", "prod"),
                Map.entry("cost-centre", "42/a:b"), Map.entry("empty", ""));
        assertThat(config.kmsKeyId()).endsWith(":key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(config.logGroupClass()).isEqualTo("INFREQUENT_ACCESS");
        assertThat(config(Map.of()).tags()).isEmpty();
        assertThat(config(Map.of()).logGroupClass()).isNull();
    }

    @Test
    void wrongLogGroupSettingsAreEachReported()
    {
        assertThat(problems(Map.of("tags", "team"))).singleElement().asString()
                .startsWith("tags must be key=value pairs separated by commas");
        assertThat(problems(Map.of("tags", "a=1,a=2"))).containsExactly("tags: the key 'a' is given twice");
        assertThat(problems(Map.of("tags", "aws:owner=me"))).singleElement().asString().contains("reserved");
        assertThat(problems(Map.of("tags", "=x"))).singleElement().asString().startsWith("tags: a key must be");
        assertThat(problems(Map.of("tags", "k=v;w"))).singleElement().asString().startsWith("tags: the value of 'k'");
        assertThat(problems(Map.of("tags", "k=" + "v".repeat(257)))).hasSize(1);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++)
        {
            many.append(i == 0 ? "" : ",").append("k").append(i).append("=v");
        }
        assertThat(problems(Map.of("tags", many.toString()))).singleElement().asString()
                .startsWith("tags: at most 50 tags");
        assertThat(problems(Map.of("kmsKeyId", "alias/logs"))).singleElement().asString()
                .startsWith("kmsKeyId must be the ARN of a KMS key");
        assertThat(problems(Map.of("logGroupClass", "DELIVERY"))).containsExactly(
                "logGroupClass must be one of [STANDARD, INFREQUENT_ACCESS]; got 'DELIVERY'");
    }

    private static EngineConfig config(Map<String, String> options)
    {
        List<String> problems = new ArrayList<>();
        EngineConfig config = options(options).toConfig("test", null, problems);
        assertThat(problems).isEmpty();
        return config;
    }

    private static List<String> problems(Map<String, String> options)
    {
        List<String> problems = new ArrayList<>();
        options(options).toConfig("test", null, problems);
        return problems;
    }

    private static EngineOptions options(Map<String, String> options)
    {
        EngineOptions engineOptions = new EngineOptions();
        engineOptions.set(EngineOption.LOG_GROUP, "/test/options");
        options.forEach(engineOptions::set);
        return engineOptions;
    }

    public static final class AnonymousFactory implements CredentialsProviderFactory
    {
        @Override
        public AwsCredentialsProvider create(EngineConfig config)
        {
            return AnonymousCredentialsProvider.create();
        }
    }

    public static final class NoClientFactory implements CloudWatchLogsClientFactory
    {
        @Override
        public software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient create(EngineConfig config)
        {
            return null;
        }
    }

    public static final class NoDefaultConstructor implements CredentialsProviderFactory
    {
        public NoDefaultConstructor(String unused)
        {
        }

        @Override
        public AwsCredentialsProvider create(EngineConfig config)
        {
            return AnonymousCredentialsProvider.create();
        }
    }

    public static final class FailingFactory implements CredentialsProviderFactory
    {
        public FailingFactory()
        {
            throw new IllegalStateException("no credentials here");
        }

        @Override
        public AwsCredentialsProvider create(EngineConfig config)
        {
            return AnonymousCredentialsProvider.create();
        }
    }
}
