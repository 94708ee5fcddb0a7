package io.github.cwlappender.testsupport.moto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** The moto server the extension provides: it starts, stores what is put, and reads it back. */
@ExtendWith(MotoServerExtension.class)
class MotoServerTest
{
    private final MotoServer moto;

    MotoServerTest(MotoServer moto)
    {
        this.moto = moto;
    }

    @Test
    void storesEventsAndReadsThemBack()
    {
        CloudWatchLogsClient client = moto.client();
        client.createLogGroup(b -> b.logGroupName("/moto/self-test"));
        client.createLogStream(b -> b.logGroupName("/moto/self-test").logStreamName("s"));
        long now = System.currentTimeMillis();

        client.putLogEvents(b -> b.logGroupName("/moto/self-test").logStreamName("s").logEvents(
                InputLogEvent.builder().timestamp(now).message("first").build(),
                InputLogEvent.builder().timestamp(now + 1).message("caf\u00e9 \uD83D\uDE80").build()));

        assertThat(moto.readEvents("/moto/self-test", "s")).extracting(OutputLogEvent::message)
                .containsExactly("first", "caf\u00e9 \uD83D\uDE80");
    }

    @Test
    void readEventsFollowsTokensPastOnePage()
    {
        CloudWatchLogsClient client = moto.client();
        client.createLogGroup(b -> b.logGroupName("/moto/paging"));
        client.createLogStream(b -> b.logGroupName("/moto/paging").logStreamName("s"));
        long now = System.currentTimeMillis();
        // GetLogEvents returns at most 10,000 events a page.
        for (int batch = 0; batch < 2; batch++)
        {
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < 6_000; i++)
            {
                events.add(InputLogEvent.builder().timestamp(now).message(batch + "-" + i).build());
            }
            client.putLogEvents(b -> b.logGroupName("/moto/paging").logStreamName("s").logEvents(events));
        }

        assertThat(moto.readEvents("/moto/paging", "s")).hasSize(12_000);
    }

    @Test
    void answersOnLoopbackWithTheDocumentedSettings(MotoServer sameServer)
    {
        assertThat(sameServer).isSameAs(moto);
        assertThat(moto.endpoint()).startsWith("http://127.0.0.1:").endsWith(":" + moto.port());
        assertThat(moto.region()).isEqualTo("us-east-1");
        assertThat(moto.isRunning()).isTrue();
        assertThat(moto.logFile()).exists();
    }
}
