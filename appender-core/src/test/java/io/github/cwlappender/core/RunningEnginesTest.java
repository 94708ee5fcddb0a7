package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.internal.RunningEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunningEnginesTest
{
    private final RecordingStatus status = new RecordingStatus();

    @Test
    void aListenerHearsOfEachEngineOnceAsStartedAndOnceAsStopped()
    {
        List<String> heard = new ArrayList<>();
        RunningEngines.Listener listener = new RunningEngines.Listener()
        {
            @Override
            public void started(CloudWatchLogsEngine engine)
            {
                if (engine.config().name().startsWith("registry-"))
                {
                    heard.add("started " + engine.config().name());
                }
            }

            @Override
            public void stopped(CloudWatchLogsEngine engine)
            {
                if (engine.config().name().startsWith("registry-"))
                {
                    heard.add("stopped " + engine.config().name());
                }
            }
        };
        CloudWatchLogsEngine before = TestEngines.started(TestEngines.config(new FakeLogsClient())
                .name("registry-before").build(), status);
        RunningEngines.subscribe(listener);
        try
        {
            CloudWatchLogsEngine after = TestEngines.started(TestEngines.config(new FakeLogsClient())
                    .name("registry-after").build(), status);
            after.start();
            after.stop(Duration.ofSeconds(5));
            after.stop(Duration.ofSeconds(5));
            before.stop(Duration.ofSeconds(5));
        }
        finally
        {
            RunningEngines.unsubscribe(listener);
        }

        assertThat(heard).containsExactly("started registry-before", "started registry-after",
                "stopped registry-after", "stopped registry-before");
    }

    @Test
    void aFailingListenerNeitherStopsTheEngineNorGoesUnreported()
    {
        RunningEngines.Listener broken = new RunningEngines.Listener()
        {
            @Override
            public void started(CloudWatchLogsEngine engine)
            {
                if (engine.config().name().equals("registry-broken-listener"))
                {
                    throw new IllegalStateException("the monitoring is broken");
                }
            }

            @Override
            public void stopped(CloudWatchLogsEngine engine)
            {
            }
        };
        RunningEngines.subscribe(broken);
        FakeLogsClient client = new FakeLogsClient();
        CloudWatchLogsEngine engine;
        try
        {
            engine = TestEngines.started(TestEngines.config(client).name("registry-broken-listener").build(), status);
        }
        finally
        {
            RunningEngines.unsubscribe(broken);
        }
        engine.append(System.currentTimeMillis(), "still delivered");

        assertThat(engine.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(client.storedMessages()).containsExactly("still delivered");
        assertThat(status.any("WARN", "the monitoring is broken")).as("%s", status.messages()).isTrue();
        assertThat(CloudWatchLogs.runningEngines()).contains(engine);
        engine.stop(Duration.ofSeconds(5));
    }
}
