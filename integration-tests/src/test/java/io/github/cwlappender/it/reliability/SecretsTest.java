package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.InvalidConfigurationException;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Scenario 9: recognisable fake credentials go in; none of them ever comes out of a status message, an exception,
 * the statistics, {@code lastError()}, a {@code toString()}, or a child application's console, whether the service
 * refuses the credentials or accepts them.
 */
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SecretsTest
{
    static final String ACCESS_KEY = "AKIACWLTESTSECRET01";
    static final String SECRET_KEY = "cwl-secret-value-do-not-print";
    static final String SESSION_TOKEN = "cwl-session-token-do-not-print";
    private static final String[] SECRETS = {ACCESS_KEY, SECRET_KEY, SESSION_TOKEN};
    private static final String SCENARIO = "secrets";

    @Test
    void noCredentialAppearsInTheEnginesStatusErrorsStatisticsOrToString() throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            StringBuilder seen = new StringBuilder();
            RecordingStatus status = new RecordingStatus();
            EngineConfig config = FakeEngines.config(server, SCENARIO)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(ACCESS_KEY,
                            SECRET_KEY, SESSION_TOKEN)))
                    // Short linger and retry deadline: the refused events are sent and given up on quickly, so the
                    // outputs checked below include every report the refusal makes.
                    .lingerMillis(100)
                    .retryTimeoutMillis(1500)
                    .build();
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);
            engine.start();

            server.faults().rejectCredentials(true);
            appendSome(engine, "refused", 100);
            awaitDropsOrDeliveries(engine, 100);
            EngineStatistics refused = engine.statistics();
            seen.append(refused).append('\n').append(refused.lastError()).append('\n');

            server.faults().rejectCredentials(false);
            appendSome(engine, "accepted", 100);
            assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
            engine.stop(Duration.ofSeconds(10));
            EngineStatistics stats = engine.statistics();
            seen.append(stats).append('\n').append(stats.lastError()).append('\n').append(config).append('\n')
                    .append(engine).append('\n').append(status.allText());
            try
            {
                FakeEngines.config(server, SCENARIO).credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN))).bufferSize(3).build();
            }
            catch (InvalidConfigurationException e)
            {
                seen.append(RecordingStatus.stackTrace(e));
            }

            // The check must have seen the refusal and the success, or it proves nothing.
            assertThat(refused.lastError()).contains("UnrecognizedClientException");
            assertThat(status.allText()).contains("UnrecognizedClientException").contains("stopped");
            assertThat(stats.delivered()).isEqualTo(100);
            assertThat(seen.toString()).contains("bufferSize");
            assertNoSecret(seen.toString());
        }
    }

    @Test
    void noCredentialAppearsInTheAdaptersStatusOutputOrToString() throws Exception
    {
        Map<String, String> before = setCredentialProperties();
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            StringBuilder seen = new StringBuilder();
            List<String> log4jStatus = new ArrayList<>();
            StatusListener listener = new StatusListener()
            {
                @Override
                public void log(StatusData data)
                {
                    synchronized (log4jStatus)
                    {
                        log4jStatus.add(data.getFormattedStatus());
                    }
                }

                @Override
                public Level getStatusLevel()
                {
                    return Level.ALL;
                }

                @Override
                public void close()
                {
                }
            };
            StatusLogger.getLogger().registerListener(listener);
            LoggerContext logbackContext = new LoggerContext();
            logbackContext.setName(SCENARIO);
            try
            {
                io.github.cwlappender.logback.CloudWatchLogsAppender logback =
                        new io.github.cwlappender.logback.CloudWatchLogsAppender();
                logback.setContext(logbackContext);
                logback.setName("secrets-logback");
                logback.setLogGroup(FakeEngines.group(SCENARIO + "-logback"));
                logback.setRegion(server.region());
                logback.setEndpoint(server.endpoint());
                logback.setLingerMillis("100");
                logback.setRetryTimeoutMillis("1500");
                io.github.cwlappender.log4j2.CloudWatchLogsAppender log4j2 =
                        io.github.cwlappender.log4j2.CloudWatchLogsAppender.newBuilder()
                                .setName("secrets-log4j2")
                                .setLogGroup(FakeEngines.group(SCENARIO + "-log4j2"))
                                .setRegion(server.region())
                                .setEndpoint(server.endpoint())
                                .setLingerMillis(100)
                                .setRetryTimeoutMillis(1500)
                                .setLayout(PatternLayout.newBuilder().withPattern("%m").build())
                                .build();
                logback.start();
                log4j2.start();
                ch.qos.logback.classic.Logger logbackLogger = logbackContext.getLogger("app.secrets");
                logbackLogger.addAppender(logback);
                logbackLogger.setAdditive(false);

                server.faults().rejectCredentials(true);
                for (int i = 0; i < 50; i++)
                {
                    logbackLogger.info(EventIds.message(SCENARIO + "-logback", 0, i));
                    log4j2.append(Log4jLogEvent.newBuilder().setLoggerName("app.secrets").setLevel(Level.INFO)
                            .setMessage(new SimpleMessage(EventIds.message(SCENARIO + "-log4j2", 0, i)))
                            .setTimeMillis(System.currentTimeMillis()).build());
                }
                awaitFailure(logback::getStatistics, log4j2::getStatistics);
                seen.append(logback.getStatistics()).append('\n').append(log4j2.getStatistics()).append('\n');

                server.faults().rejectCredentials(false);
                logbackLogger.info(EventIds.message(SCENARIO + "-logback", 0, 50));
                log4j2.append(Log4jLogEvent.newBuilder().setLoggerName("app.secrets").setLevel(Level.INFO)
                        .setMessage(new SimpleMessage(EventIds.message(SCENARIO + "-log4j2", 0, 50)))
                        .setTimeMillis(System.currentTimeMillis()).build());
                assertThat(logback.flush(Duration.ofSeconds(30))).isTrue();
                assertThat(log4j2.flush(Duration.ofSeconds(30))).isTrue();
                seen.append(logback).append('\n').append(log4j2).append('\n').append(logback.getStatistics())
                        .append('\n').append(log4j2.getStatistics()).append('\n');
                logback.stop();
                log4j2.stop(10, TimeUnit.SECONDS);
                for (Status s : logbackContext.getStatusManager().getCopyOfStatusList())
                {
                    seen.append(s).append('\n');
                    if (s.getThrowable() != null)
                    {
                        seen.append(RecordingStatus.stackTrace(s.getThrowable()));
                    }
                }
                synchronized (log4jStatus)
                {
                    seen.append(String.join("\n", log4jStatus));
                }

                assertThat(seen.toString()).as("both adapters reported the refusal")
                        .containsPattern("\\[secrets-logback\\]: [^\\n]*UnrecognizedClientException")
                        .containsPattern("\\[secrets-log4j2\\]: [^\\n]*UnrecognizedClientException");
                assertThat(server.storedEvents()).as("the credentials worked once accepted")
                        .anyMatch(e -> e.message().contains(EventIds.id(SCENARIO + "-logback", 0, 50) + "|"))
                        .anyMatch(e -> e.message().contains(EventIds.id(SCENARIO + "-log4j2", 0, 50) + "|"));
                assertNoSecret(seen.toString());
            }
            finally
            {
                StatusLogger.getLogger().removeListener(listener);
                logbackContext.stop();
            }
        }
        finally
        {
            restoreProperties(before);
        }
    }

    @ParameterizedTest(name = "{0}, credentials {1}")
    @CsvSource({"logback, refused", "logback, accepted", "log4j2, refused", "log4j2, accepted"})
    void noCredentialAppearsInTheConsoleOfAnApplication(String adapter, String credentials) throws Exception
    {
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            server.faults().rejectCredentials(credentials.equals("refused"));
            Map<String, String> properties = ShutdownWhileUnreachableTest.childProperties(adapter,
                    server.endpoint(), SCENARIO + "-child-" + adapter);
            properties.put("aws.accessKeyId", ACCESS_KEY);
            properties.put("aws.secretAccessKey", SECRET_KEY);
            properties.put("aws.sessionToken", SESSION_TOKEN);
            // Long enough for the first put to be answered and reported before main returns.
            ChildJvm.Result child = ChildJvm.run(adapter, 20, 1500, properties, Duration.ofSeconds(60));
            String output = child.output();
            System.out.print(child.appenderLines());

            assertThat(child.exitCode).as("child output:\n%s", output).isZero();
            assertThat(output).contains(ReliabilityChild.APPENDER);
            if (credentials.equals("refused"))
            {
                assertThat(output).contains("UnrecognizedClientException");
            }
            else
            {
                assertThat(server.storedEvents()).hasSize(20);
            }
            assertNoSecret(output);
        }
    }

    private static void appendSome(CloudWatchLogsEngine engine, String tag, int n)
    {
        for (int i = 0; i < n; i++)
        {
            engine.append(System.currentTimeMillis(), EventIds.message(SCENARIO + "-" + tag, 0, i));
        }
    }

    /** Waits until the refused events have all been given up on (retryTimeoutMillis) or delivered. */
    private static void awaitDropsOrDeliveries(CloudWatchLogsEngine engine, long n) throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0)
        {
            EngineStatistics s = engine.statistics();
            if (s.dropped() + s.delivered() >= n)
            {
                return;
            }
            Thread.sleep(50);
        }
    }

    @SafeVarargs
    private static void awaitFailure(java.util.function.Supplier<EngineStatistics>... engines)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (java.util.function.Supplier<EngineStatistics> e : engines)
        {
            while (e.get().lastError() == null && System.nanoTime() - deadline < 0)
            {
                Thread.sleep(50);
            }
        }
    }

    private static void assertNoSecret(String text)
    {
        for (String secret : SECRETS)
        {
            assertThat(text).as("output that must not show a credential").doesNotContain(secret);
        }
    }

    /** The SDK's default chain reads these first; the adapters have no credentials option of their own. */
    private static Map<String, String> setCredentialProperties()
    {
        Map<String, String> before = new HashMap<>();
        for (String key : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"})
        {
            before.put(key, System.getProperty(key));
        }
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.sessionToken", SESSION_TOKEN);
        return before;
    }

    private static void restoreProperties(Map<String, String> before)
    {
        before.forEach((k, v) -> {
            if (v == null)
            {
                System.clearProperty(k);
            }
            else
            {
                System.setProperty(k, v);
            }
        });
    }
}
