package io.github.cwlappender.testsupport.fake;

import static io.github.cwlappender.testsupport.fake.FakeFixture.GROUP;
import static io.github.cwlappender.testsupport.fake.FakeFixture.STREAM;
import static io.github.cwlappender.testsupport.fake.FakeFixture.at;
import static io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer.CONNECTION_RESET;
import static io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer.OK;
import static io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer.PUT_LOG_EVENTS;
import static io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer.RESPONSE_LOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;

/** Each kind of fault, as the real SDK client sees it (SDK retries off, so each fault is seen once). */
class FaultInjectionTest
{
    private final FakeFixture fake = new FakeFixture().withGroupAndStream();
    private final StrictCloudWatchLogsServer server = fake.server;
    private final Faults faults = server.faults();

    @AfterEach
    void stop()
    {
        fake.close();
    }

    private static void assertErrorCode(Throwable e, int status, String code)
    {
        assertThat(e).isInstanceOf(CloudWatchLogsException.class);
        CloudWatchLogsException error = (CloudWatchLogsException) e;
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
    }

    @Test
    void throttlesWithThrottlingException400()
    {
        faults.throttleRate(1.0);

        assertThatThrownBy(() -> fake.put(at(0, "m")))
                .satisfies(e -> assertErrorCode(e, 400, "ThrottlingException"))
                .satisfies(e -> assertThat(((CloudWatchLogsException) e).isThrottlingException()).isTrue());
        assertThat(server.storedEvents()).isEmpty();
        assertThat(faults.injected(FaultKind.THROTTLING)).isEqualTo(1);
        assertThat(server.requests(PUT_LOG_EVENTS, "ThrottlingException")).isEqualTo(1);
    }

    @Test
    void failsWithServiceUnavailable500()
    {
        faults.serverErrorRate(1.0);

        assertThatThrownBy(() -> fake.put(at(0, "m"))).isInstanceOf(ServiceUnavailableException.class)
                .satisfies(e -> assertErrorCode(e, 500, "ServiceUnavailableException"));
        assertThat(server.storedEvents()).isEmpty();
    }

    @Test
    void resetsConnectionMidRequestWithoutStoringAnything()
    {
        faults.connectionResetRate(1.0);

        assertThatThrownBy(() -> fake.put(at(0, "m".repeat(100_000)))).isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class);
        assertThat(server.storedEvents()).isEmpty();
    }

    @Test
    void connectionResetReachesTheSdkOnceWithoutAResend()
    {
        faults.next(FaultKind.CONNECTION_RESET, 1);

        assertThatThrownBy(() -> fake.put(at(0, "m"))).isInstanceOf(SdkClientException.class);

        assertThat(server.requests(PUT_LOG_EVENTS)).isEqualTo(1);
        assertThat(server.requests(PUT_LOG_EVENTS, CONNECTION_RESET)).isEqualTo(1);
    }

    @Test
    void lostResponseStoresTheEventsButFailsTheCall()
    {
        faults.responseLostRate(1.0);

        assertThatThrownBy(() -> fake.put(at(0, "a"), at(0, "b"))).isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(IOException.class);

        assertThat(fake.storedMessages()).containsExactly("a", "b");
        assertThat(server.storedEvents()).allMatch(StoredEvent::responseLost);
        assertThat(server.lostResponseEvents()).isEqualTo(2);
        assertThat(server.requests(PUT_LOG_EVENTS, RESPONSE_LOST)).isEqualTo(1);
    }

    @Test
    void resendingAfterALostResponseStoresDuplicates()
    {
        faults.next(FaultKind.RESPONSE_LOST, 1);
        assertThatThrownBy(() -> fake.put(at(0, "a"))).isInstanceOf(SdkClientException.class);

        fake.put(at(0, "a"));

        assertThat(fake.storedMessages()).containsExactly("a", "a");
        assertThat(server.lostResponseEvents()).isEqualTo(1);
    }

    @Test
    void slowResponseTimesOutAClientThatWaitsLess()
    {
        faults.slowResponses(Duration.ofMillis(1500));
        try (CloudWatchLogsClient impatient = CloudWatchLogsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMillis(200)).build())
                .endpointOverride(server.endpointUri()).region(Region.of(server.region()))
                .credentialsProvider(server.credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build())
        {
            assertThatThrownBy(() -> impatient.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(STREAM)
                    .logEvents(at(0, "late")))).isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
        // The request took effect before its answer was held back.
        assertThat(fake.storedMessages()).containsExactly("late");
        assertThat(faults.injected(FaultKind.SLOW_RESPONSE)).isEqualTo(1);
    }

    @Test
    void slowResponseStillAnswersAPatientClient()
    {
        faults.slowResponses(Duration.ofMillis(300));

        fake.put(at(0, "eventually"));

        assertThat(fake.storedMessages()).containsExactly("eventually");
        assertThat(server.requests(PUT_LOG_EVENTS, OK)).isEqualTo(1);
    }

    @Test
    void outageFailsEveryOperationAtTransportLevelUntilItEnds()
    {
        faults.outageFor(Duration.ofMillis(1500));

        assertThatThrownBy(() -> fake.client.createLogGroup(b -> b.logGroupName("/during/outage")))
                .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> fake.put(at(0, "m"))).isInstanceOf(SdkClientException.class);

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().untilAsserted(() -> fake.put(at(0, "after")));
        assertThat(fake.storedMessages()).containsExactly("after");
        assertThat(faults.injected(FaultKind.OUTAGE)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unavailablePeriodAnswers503ToEveryOperationUntilEnded()
    {
        faults.unavailableFor(Duration.ofMinutes(5));

        assertThatThrownBy(() -> fake.client.createLogGroup(b -> b.logGroupName("/during/outage")))
                .isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> fake.put(at(0, "m"))).isInstanceOf(ServiceUnavailableException.class);

        faults.unavailableFor(Duration.ZERO);
        fake.put(at(0, "after"));

        assertThat(fake.storedMessages()).containsExactly("after");
    }

    @Test
    void deletedStreamMakesTheNextPutFailWithNotFound()
    {
        fake.put(at(0, "before"));

        faults.deleteStream(GROUP, STREAM);

        assertThatThrownBy(() -> fake.put(at(0, "after"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(server.hasLogStream(GROUP, STREAM)).isFalse();
        assertThat(server.storedEvents(GROUP, STREAM)).extracting(StoredEvent::message).containsExactly("before");
    }

    @Test
    void deletingAMissingStreamIsATestMistake()
    {
        assertThatThrownBy(() -> faults.deleteStream(GROUP, "no-such-stream"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectedCredentialsFailEveryOperationWhileEnabled()
    {
        faults.rejectCredentials(true);

        assertThatThrownBy(() -> fake.client.createLogGroup(b -> b.logGroupName("/other")))
                .satisfies(e -> assertErrorCode(e, 400, "UnrecognizedClientException"));
        assertThatThrownBy(() -> fake.put(at(0, "m")))
                .satisfies(e -> assertErrorCode(e, 400, "UnrecognizedClientException"));

        faults.rejectCredentials(false);
        fake.put(at(0, "m"));
        assertThat(fake.storedMessages()).containsExactly("m");
    }

    @Test
    void faultsTargetPutLogEventsByDefault()
    {
        faults.throttleRate(1.0);

        fake.client.createLogStream(b -> b.logGroupName(GROUP).logStreamName("other"));

        assertThat(server.hasLogStream(GROUP, "other")).isTrue();
        assertThatThrownBy(() -> fake.put(at(0, "m"))).satisfies(e -> assertErrorCode(e, 400,
                "ThrottlingException"));
    }

    @Test
    void faultsCanTargetEveryOperation()
    {
        faults.onAllOperations().throttleRate(1.0);

        assertThatThrownBy(() -> fake.client.createLogStream(b -> b.logGroupName(GROUP).logStreamName("other")))
                .satisfies(e -> assertErrorCode(e, 400, "ThrottlingException"));
        assertThat(server.hasLogStream(GROUP, "other")).isFalse();
    }

    @Test
    void faultsCanTargetChosenOperations()
    {
        faults.onOperations(StrictCloudWatchLogsServer.CREATE_LOG_STREAM).serverErrorRate(1.0);

        assertThatThrownBy(() -> fake.client.createLogStream(b -> b.logGroupName(GROUP).logStreamName("other")))
                .isInstanceOf(ServiceUnavailableException.class);
        fake.put(at(0, "m"));
        assertThat(fake.storedMessages()).containsExactly("m");
    }

    @Test
    void scriptedFaultsHitTheNextRequestsThenStop()
    {
        faults.next(FaultKind.THROTTLING, 1).next(FaultKind.SERVER_ERROR, 1);

        assertThatThrownBy(() -> fake.put(at(0, "1"))).satisfies(e -> assertErrorCode(e, 400,
                "ThrottlingException"));
        assertThatThrownBy(() -> fake.put(at(0, "2"))).isInstanceOf(ServiceUnavailableException.class);
        fake.put(at(0, "3"));

        assertThat(fake.storedMessages()).containsExactly("3");
    }

    @Test
    void aRunOfRateFaultsEndsOnceItHasLastedTheLongestRunAllowed() throws Exception
    {
        faults.throttleRate(1.0).longestRunOfFaults(Duration.ofMillis(300));

        assertThatThrownBy(() -> fake.put(at(0, "refused at once"))).satisfies(e -> assertErrorCode(e, 400,
                "ThrottlingException"));
        Thread.sleep(350);
        fake.put(at(0, "let through after the run"));
        // The run starts again with the next fault.
        assertThatThrownBy(() -> fake.put(at(0, "refused again"))).satisfies(e -> assertErrorCode(e, 400,
                "ThrottlingException"));

        assertThat(fake.storedMessages()).containsExactly("let through after the run");
        assertThat(faults.injected(FaultKind.THROTTLING)).isEqualTo(2);
    }

    @Test
    void sameSeedGivesTheSameFaultSequence()
    {
        List<String> first = outcomes(42);
        List<String> second = outcomes(42);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("OK", "ThrottlingException", "ServiceUnavailableException");
        assertThat(outcomes(7)).isNotEqualTo(first);
    }

    private static List<String> outcomes(long seed)
    {
        try (FakeFixture other = new FakeFixture().withGroupAndStream())
        {
            other.server.faults().seed(seed).throttleRate(0.3).serverErrorRate(0.2);
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 30; i++)
            {
                try
                {
                    other.put(at(0, "m" + i));
                    outcomes.add("OK");
                }
                catch (CloudWatchLogsException e)
                {
                    outcomes.add(e.awsErrorDetails().errorCode());
                }
            }
            return outcomes;
        }
    }

    @Test
    void rateFaultsAboutThatShareOfRequests()
    {
        faults.seed(3).throttleRate(0.3);
        int throttled = 0;
        for (int i = 0; i < 200; i++)
        {
            try
            {
                fake.put(at(0, "m"));
            }
            catch (CloudWatchLogsException e)
            {
                throttled++;
            }
        }

        assertThat(throttled).isBetween(40, 80);
        assertThat(faults.injected(FaultKind.THROTTLING)).isEqualTo(throttled);
        assertThat(server.storedEvents()).hasSize(200 - throttled);
    }

    @Test
    void refusesRatesThatAddUpToMoreThanOne()
    {
        faults.throttleRate(0.7);

        assertThatThrownBy(() -> faults.serverErrorRate(0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.responseLostRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearEndsEveryFault()
    {
        faults.throttleRate(1.0).rejectCredentials(true).unavailableFor(Duration.ofMinutes(1))
                .next(FaultKind.SERVER_ERROR, 3);

        faults.clear();
        fake.put(at(0, "m"));

        assertThat(fake.storedMessages()).containsExactly("m");
    }
}
