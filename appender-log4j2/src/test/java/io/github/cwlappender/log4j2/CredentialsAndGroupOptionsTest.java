package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineConfig;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsAndGroupOptionsTest
{
    private final Fixture.StatusCapture status = new Fixture.StatusCapture();
    private LoggerContext context;

    @AfterEach
    void close()
    {
        if (context != null)
        {
            context.stop();
        }
        StatusLogger.getLogger().removeListener(status);
    }

    @Test
    void credentialsAndLogGroupAttributesReachTheEngine() throws URISyntaxException
    {
        CloudWatchLogsAppender appender = configure("/log4j2-credentials-and-group-options.xml").getConfiguration()
                .getAppender("CLOUDWATCH");

        EngineConfig config = appender.engineConfig();
        assertThat(config.region()).isEqualTo("eu-central-2");
        assertThat(config.profile()).isEqualTo("ops");
        assertThat(config.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/log-writer");
        assertThat(config.roleSessionName()).isEqualTo("orders");
        assertThat(config.externalId()).isEqualTo("ext-1");
        assertThat(config.tags()).containsExactly(Map.entry("team", "payments"), Map.entry("env", "prod"));
        assertThat(config.kmsKeyId()).startsWith("arn:aws:kms:eu-central-2:123456789012:key/");
        assertThat(config.logGroupClass()).isEqualTo("INFREQUENT_ACCESS");
    }

    @Test
    void aMistypedRegionIsAStartUpErrorLikeAnyWrongOptionAndNoAppenderIsMade() throws URISyntaxException
    {
        LoggerContext ctx = configure("/log4j2-wrong-region.xml");

        assertThat((Object) ctx.getConfiguration().getAppender("CLOUDWATCH")).isNull();
        List<String> errors = status.fromThisLibrary();
        assertThat(errors).allSatisfy(e -> assertThat(e).contains("[CLOUDWATCH]"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("region must be an AWS region name such as")
                .contains("got 'us-east1'"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("tags must be key=value pairs"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("logGroupClass must be one of")
                .contains("got 'DELIVERY'"));
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .contains("credentialsProviderFactory: class 'com.example.NoSuchFactory' was not found"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("not created because of the 4 problem(s)"));
    }

    private LoggerContext configure(String resource) throws URISyntaxException
    {
        StatusLogger.getLogger().registerListener(status);
        context = new LoggerContext("xml", null, getClass().getResource(resource).toURI());
        context.start();
        return context;
    }
}
