package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DestinationsTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aMissingStreamIsCreatedAtStartBeforeTheFirstBatch()
    {
        client.withoutStream();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        // Warm start: the stream is prepared before any event arrives, so a burst never meets a not-found round trip.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> client.calls().contains("CreateLogStream"));

        engine.append(System.currentTimeMillis(), "first");
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("first");
        assertThat(client.calls()).containsExactly("CreateLogStream", "PutLogEvents");
    }

    @Test
    void aStreamDeletedAfterStartIsCreatedAgainAndTheBatchDelivered()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> client.calls().contains("CreateLogStream"));
        client.withoutStream();

        engine.append(System.currentTimeMillis(), "after deletion");
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("after deletion");
        assertThat(client.calls()).containsExactly("CreateLogStream", "PutLogEvents", "CreateLogStream",
                "PutLogEvents");
    }

    @Test
    void aMissingGroupIsCreatedWithItsRetentionThenTheStream()
    {
        client.withoutGroup();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).retentionDays(30).build(),
                status);

        engine.append(System.currentTimeMillis(), "first");
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("first");
        assertThat(client.calls()).containsExactly("CreateLogStream", "CreateLogGroup", "PutRetentionPolicy:30",
                "CreateLogStream", "PutLogEvents");
    }

    @Test
    void destinationsCreatedBySomeoneElseFirstCountAsCreated()
    {
        // The put fails as if the stream were missing, but creating it finds it already there.
        client.thenThrow(software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.builder()
                .message("The specified log stream does not exist.").build());
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);

        engine.append(System.currentTimeMillis(), "raced");
        engine.stop(Duration.ofSeconds(5));

        assertThat(client.storedMessages()).containsExactly("raced");
        assertThat(engine.statistics().isBalanced()).isTrue();
    }

    @Test
    void aMissingStreamThatMayNotBeCreatedIsReportedAndCounted()
    {
        client.withoutStream();
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).createLogStream(false)
                .retryTimeoutMillis(200).build(), status);

        engine.append(System.currentTimeMillis(), "nowhere to go");
        engine.flush(Duration.ofSeconds(5));

        assertThat(client.calls()).doesNotContain("CreateLogStream", "CreateLogGroup");
        assertThat(status.any("ERROR", "createLogStream is false")).isTrue();
        assertThat(engine.statistics().dropped(DropReason.PERMANENT_ERROR)).isEqualTo(1);
        engine.stop(Duration.ofSeconds(5));
    }

    @Test
    void startNeverWaitsForTheNetwork()
    {
        client.closeGate();
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(TestEngines.config(client).build(), status);

        engine.start();

        assertThat(engine.isStarted()).isTrue();
        // The stream is being prepared in the background; start() did not wait for it.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> client.calls().contains("CreateLogStream"));
        assertThat(engine.append(System.currentTimeMillis(), "accepted while the network hangs")).isTrue();
        client.open();
        engine.stop(Duration.ofSeconds(5));
    }
}
