package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;
import software.amazon.awssdk.services.cloudwatchlogs.model.UnrecognizedClientException;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SendingTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void neverRunsMoreThanMaxInFlightPutsAtOnce()
    {
        client.latencyMillis(50);
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).maxInFlight(3)
                .maxBatchEvents(10).onBufferFull(OnBufferFull.BLOCK).blockTimeoutMillis(30_000).build(), status);
        for (int i = 0; i < 300; i++)
        {
            engine.append(System.currentTimeMillis(), "e" + i);
        }

        assertThat(engine.stop(Duration.ofSeconds(30))).isTrue();

        assertThat(client.maxConcurrentPuts()).isEqualTo(3);
        assertThat(engine.statistics().delivered()).isEqualTo(300);
    }

    @Test
    void throttlingIsRetriedUntilDelivered()
    {
        client.thenThrow(throttling()).thenThrow(throttling()).thenThrow(throttling());
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);

        engine.append(System.currentTimeMillis(), "survives throttling");
        engine.stop(Duration.ofSeconds(10));

        assertThat(client.storedMessages()).containsExactly("survives throttling");
        EngineStatistics stats = engine.statistics();
        assertThat(stats.throttles()).isEqualTo(3);
        assertThat(stats.retries()).isEqualTo(3);
        assertThat(stats.delivered()).isEqualTo(1);
    }

    @Test
    void serverErrorsAndNetworkErrorsAreRetried()
    {
        client.thenThrow(ServiceUnavailableException.builder().statusCode(500).message("down").build())
                .thenThrow(SdkClientException.create("Connection reset"))
                .thenThrow(AwsServiceException.builder().statusCode(502)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("BadGateway").build()).build());
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);

        engine.append(System.currentTimeMillis(), "survives outages");
        engine.stop(Duration.ofSeconds(10));

        assertThat(client.storedMessages()).containsExactly("survives outages");
        assertThat(engine.statistics().retries()).isEqualTo(3);
        assertThat(engine.statistics().lastError()).contains("BadGateway");
    }

    @Test
    void retriesStopAtTheRetryTimeoutAndTheBatchIsCounted()
    {
        client.always(r -> {
            throw ServiceUnavailableException.builder().statusCode(503).message("still down").build();
        });
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).retryTimeoutMillis(300)
                .build(), status);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 5; i++)
        {
            engine.append(now, "lost " + i);
        }

        engine.flush(Duration.ofSeconds(10));

        EngineStatistics stats = engine.statistics();
        assertThat(stats.dropped(DropReason.RETRY_TIMEOUT)).isEqualTo(5);
        assertThat(stats.isBalanced()).isTrue();
        assertThat(status.any("WARN", "RETRY_TIMEOUT")).isTrue();
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void isolatingAnInvalidEventKeepsTheBatchRetryDeadline()
    {
        client.always(r -> {
            if (r.logEvents().stream().anyMatch(e -> e.message().contains("poison")))
            {
                throw InvalidParameterException.builder().statusCode(400).message("bad event").build();
            }
            return null;
        });
        // The deadline has passed by the time the first answer comes back.
        client.latencyMillis(100);
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).lingerMillis(60_000)
                .retryTimeoutMillis(50).build(), status);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 1024; i++)
        {
            engine.append(now + i, i == 700 ? "poison" : "good " + i);
        }

        engine.flush(Duration.ofSeconds(30));

        assertThat(client.requests()).as("no halves sent past the deadline").hasSize(1);
        EngineStatistics stats = engine.statistics();
        assertThat(stats.dropped(DropReason.RETRY_TIMEOUT)).isEqualTo(1024);
        assertThat(stats.isBalanced()).isTrue();
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void aBatchTheServiceCallsInvalidIsSplitToIsolateTheCulprit()
    {
        client.always(r -> {
            if (r.logEvents().stream().anyMatch(e -> e.message().contains("poison")))
            {
                throw InvalidParameterException.builder().statusCode(400).message("bad event").build();
            }
            return null;
        });
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).lingerMillis(60_000).build(),
                status);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 100; i++)
        {
            engine.append(now + i, i == 37 ? "poison" : "good " + i);
        }

        engine.flush(Duration.ofSeconds(10));

        assertThat(client.storedMessages()).hasSize(99).doesNotContain("poison");
        EngineStatistics stats = engine.statistics();
        assertThat(stats.dropped(DropReason.INVALID)).isEqualTo(1);
        assertThat(stats.delivered()).isEqualTo(99);
        assertThat(stats.isBalanced()).isTrue();
        // Never resent unchanged: every request carried a different set of events.
        List<PutLogEventsRequest> requests = client.requests();
        Set<List<InputLogEvent>> distinct = new HashSet<>();
        requests.forEach(r -> distinct.add(r.logEvents()));
        assertThat(distinct).hasSize(requests.size());
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void badCredentialsAreReportedClearlyAndRetriedSlowly()
    {
        client.always(r -> {
            throw UnrecognizedClientException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnrecognizedClientException")
                            .errorMessage("The security token included in the request is invalid.").build())
                    .build();
        });
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client)
                .retryMaxDelay(Duration.ofSeconds(5)).retryTimeoutMillis(2500).build(), status);

        engine.append(System.currentTimeMillis(), "never delivered");
        engine.flush(Duration.ofSeconds(10));

        // At least a second between attempts: three attempts at most in 2.5 s, never a tight loop.
        assertThat(client.putCalls()).isBetween(1, 3);
        assertThat(status.any("ERROR", "UnrecognizedClientException")).isTrue();
        assertThat(status.any("ERROR", "credentials")).isTrue();
        assertThat(engine.statistics().dropped(DropReason.PERMANENT_ERROR)).isEqualTo(1);
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void rejectedLogEventsInfoIsCountedByReasonAndNeverRetried()
    {
        client.thenAnswer(r -> PutLogEventsResponse.builder().rejectedLogEventsInfo(RejectedLogEventsInfo.builder()
                .expiredLogEventEndIndex(1).tooOldLogEventEndIndex(3).tooNewLogEventStartIndex(8).build()).build());
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).lingerMillis(60_000).build(),
                status);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 10; i++)
        {
            engine.append(now + i, "e" + i);
        }

        engine.flush(Duration.ofSeconds(10));

        EngineStatistics stats = engine.statistics();
        assertThat(client.putCalls()).isEqualTo(1);
        assertThat(stats.rejected(RejectReason.SERVICE_EXPIRED)).isEqualTo(1);
        assertThat(stats.rejected(RejectReason.SERVICE_TOO_OLD)).isEqualTo(2);
        assertThat(stats.rejected(RejectReason.SERVICE_TOO_NEW)).isEqualTo(2);
        assertThat(stats.delivered()).isEqualTo(5);
        assertThat(stats.isBalanced()).isTrue();
        assertThat(status.any("WARN", "rejected 5 events")).isTrue();
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void anUnexpectedClientErrorDropsTheBatchWithoutRetrying()
    {
        client.thenThrow(AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("SomethingNew").build()).build());
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);

        engine.append(System.currentTimeMillis(), "refused");
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.putCalls()).isEqualTo(1);
        assertThat(engine.statistics().dropped(DropReason.PERMANENT_ERROR)).isEqualTo(1);
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    private static ThrottlingException throttling()
    {
        return ThrottlingException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                .message("Rate exceeded").build();
    }
}
