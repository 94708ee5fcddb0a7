package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An event an adapter could not make text of is counted as lost, and reported as a drop episode like any other. */
class FormatFailureTest
{
    private final FakeLogsClient client = new FakeLogsClient();
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void eventsWhoseLayoutThrewAreCountedAndTheLossIsReported()
    {
        CloudWatchLogsEngine engine = TestEngines.started(TestEngines.config(client).build(), status);
        engine.append(System.currentTimeMillis(), "formatted");
        for (int i = 0; i < 3; i++)
        {
            engine.countFormatFailure();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> status.any("WARN", "dropping events: "));
        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        EngineStatistics stats = engine.statistics();
        assertThat(stats.accepted()).isEqualTo(4);
        assertThat(stats.delivered()).isEqualTo(1);
        assertThat(stats.dropped(DropReason.FORMAT_FAILED)).isEqualTo(3);
        assertThat(stats.isBalanced()).isTrue();
        assertThat(status.messages())
                .anySatisfy(m -> assertThat(m).contains("dropping events: 3 FORMAT_FAILED (the layout or encoder threw"));
        engine.stop(Duration.ofSeconds(10));
    }
}
