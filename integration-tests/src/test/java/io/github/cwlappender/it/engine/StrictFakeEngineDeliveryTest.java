package io.github.cwlappender.it.engine;

import static io.github.cwlappender.it.engine.DeliveryScenario.assertAllDelivered;
import static io.github.cwlappender.it.engine.DeliveryScenario.assertDeliveredExactlyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.it.engine.DeliveryScenario.Received;
import io.github.cwlappender.it.engine.DeliveryScenario.RecordingStatus;
import io.github.cwlappender.it.engine.DeliveryScenario.Sent;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine against the strict fake, which refuses anything the real service would refuse. */
class StrictFakeEngineDeliveryTest
{
    private static final int PER_THREAD = 1_500;

    private final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();
    private final RecordingStatus status = new RecordingStatus();

    @AfterEach
    void stopServer()
    {
        server.stop();
    }

    private EngineConfig config(String name)
    {
        return DeliveryScenario.config(server.endpoint(), server.region(), server.credentials(),
                DeliveryScenario.uniqueGroup(name)).build();
    }

    /** Runs the scenario; returns what was appended once the engine has stopped. */
    private List<Sent> deliver(CloudWatchLogsEngine engine, DeliveryScenario.Messages messages) throws Exception
    {
        engine.start();
        try
        {
            List<Sent> sent = DeliveryScenario.appendConcurrently(engine, PER_THREAD, messages);
            assertThat(engine.flush(Duration.ofSeconds(60))).as("flush; status: %s", status.reports).isTrue();
            return sent;
        }
        finally
        {
            assertThat(engine.stop(Duration.ofSeconds(10))).as("stop; status: %s", status.reports).isTrue();
        }
    }

    private static List<Received> recorded(List<StoredEvent> stored)
    {
        List<Received> received = new ArrayList<>(stored.size());
        stored.forEach(e -> received.add(new Received(e.timestamp(), e.message())));
        // The record is in arrival order; the order check applies to what GetLogEvents returns.
        received.sort((a, b) -> Long.compare(a.timestamp, b.timestamp));
        return received;
    }

    @Test
    void deliversEveryEventFromTwoThreadsExactlyOnceInTimestampOrder() throws Exception
    {
        EngineConfig config = config("strict");
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);

        List<Sent> sent = deliver(engine, (id, thread, i) -> id + " payload from thread " + thread);

        assertDeliveredExactlyOnce(sent, DeliveryScenario.readAll(server.client(), config.logGroup(),
                config.logStream()));
        assertDeliveredExactlyOnce(sent, recorded(server.storedEvents(config.logGroup(), config.logStream())));
        assertAllDelivered(engine.statistics(), sent.size());
        assertThat(server.wholeRequestRejections()).as("requests: %s", server.requestCounts()).isZero();
        assertThat(status.errors).isEmpty();
    }

    @Test
    void fullBatchesOneAfterAnotherWriteIntoTheChunksOfSettledOnesAndEveryMessageArrivesIntact() throws Exception
    {
        EngineConfig config = config("reuse");
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);

        // About 6 MB: several full batches in a row, so that later ones are written into the 128 KiB chunks that
        // earlier ones gave back once stored; each message is different all along its length.
        List<Sent> sent = deliver(engine, (id, thread, i) -> id + " " + ("t" + thread + "/" + i + " caf\u00e9 \u65e5 ")
                .repeat(120));

        assertDeliveredExactlyOnce(sent, recorded(server.storedEvents(config.logGroup(), config.logStream())));
        assertAllDelivered(engine.statistics(), sent.size());
        assertThat(engine.statistics().batchesSent()).as("full batches in a row").isGreaterThanOrEqualTo(5);
        assertThat(server.wholeRequestRejections()).as("requests: %s", server.requestCounts()).isZero();
        assertThat(status.errors).isEmpty();
    }

    @Test
    void eventsGivenAsUtf8BytesArriveAsTheirTextAndMalformedBytesAreRepairedNotRefused() throws Exception
    {
        EngineConfig config = config("utf8");
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);
        long now = System.currentTimeMillis();
        List<String> expected = new ArrayList<>();
        String[] texts = {"plain", "caf\u00e9 \u65e5\u672c \uD83D\uDE00", "quote \" backslash \\ control \u0001 tab\t",
            "x".repeat(300) + "\uD83D\uDE00"};
        engine.start();
        for (String text : texts)
        {
            byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(engine.appendUtf8(now, line, line.length - 1, false)).isTrue();
            expected.add(text);
        }
        // Not UTF-8 at all: a lead byte without its continuation, and a sequence cut short at the end. Written as
        // they are, they would make the service refuse the whole request.
        byte[] malformed = {'m', (byte) 0xC3, '!', (byte) 0xF0, (byte) 0x9F};
        assertThat(engine.appendUtf8(now, malformed, malformed.length, false)).isTrue();
        expected.add(new String(malformed, StandardCharsets.UTF_8));
        assertThat(engine.flush(Duration.ofSeconds(30))).as("flush; status: %s", status.reports).isTrue();
        assertThat(engine.stop(Duration.ofSeconds(10))).isTrue();

        List<String> stored = new ArrayList<>();
        server.storedEvents(config.logGroup(), config.logStream()).forEach(e -> stored.add(e.message()));
        assertThat(stored).containsExactlyElementsOf(expected);
        assertThat(stored.get(stored.size() - 1)).startsWith("m\uFFFD!");
        assertThat(server.wholeRequestRejections()).as("requests: %s", server.requestCounts()).isZero();
        EngineStatistics stats = engine.statistics();
        assertThat(stats.delivered()).isEqualTo(expected.size());
        assertThat(stats.isBalanced()).isTrue();
    }

    @Test
    void mixedSizesIncludingMultiByteAndOversizeEventsAreNeverRefusedWhole() throws Exception
    {
        EngineConfig config = config("strict-mixed");
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);

        List<Sent> sent = deliver(engine, StrictFakeEngineDeliveryTest::mixedMessage);

        assertThat(server.wholeRequestRejections()).as("requests: %s", server.requestCounts()).isZero();
        assertThat(server.invalidUtf16Messages()).isZero();
        assertDeliveredExactlyOnce(sent, DeliveryScenario.readAll(server.client(), config.logGroup(),
                config.logStream()));
        assertDeliveredExactlyOnce(sent, recorded(server.storedEvents(config.logGroup(), config.logStream())));
        EngineStatistics stats = engine.statistics();
        assertAllDelivered(stats, sent.size());
        assertThat(stats.truncated()).as("truncated: %s", stats).isEqualTo(OVERSIZE_PER_THREAD
                * DeliveryScenario.THREADS);
        assertThat(status.errors).isEmpty();
    }

    private static final int OVERSIZE_PER_THREAD = 3;
    private static final String EMOJI = "\uD83D\uDE80";

    // Mostly small events, with runs of large, multi-byte, oversize and malformed ones among them.
    private static String mixedMessage(String id, int thread, int i)
    {
        if (i % 500 == 7)
        {
            // 3 per thread: 1.1 MB of ASCII, or 1.2 MB of 3-byte characters; either is cut to 1,048,550 bytes.
            return id + " " + (thread == 0 ? "x".repeat(1_100_000) : "\u20ac".repeat(400_000));
        }
        if (i % 100 == 0)
        {
            return id + " " + "large ".repeat(20_000);
        }
        if (i % 10 == 1)
        {
            return id + " " + ("\u00e9t\u00e9 \u20ac " + EMOJI + " ").repeat(1 + i % 300);
        }
        if (i == 3)
        {
            return id + " lone surrogate \uD800 in the middle";
        }
        if (i == 4)
        {
            return id + " exactly the limit " + EMOJI.repeat((DeliveryScenario.MAX_EVENT_BYTES - id.length() - 20) / 4);
        }
        return id + " small " + i;
    }

    @Test
    void aPoisonEventIsIsolatedAndDroppedAndEveryOtherEventOfItsBatchIsDeliveredInOrder() throws Exception
    {
        server.refuseEventsContaining("POISON");
        EngineConfig config = config("poison");
        CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config, status);
        engine.start();
        List<String> expected = new ArrayList<>();
        long timestamp = System.currentTimeMillis();
        for (int i = 0; i < 1000; i++)
        {
            String message = i == 637 ? "event " + i + " POISON" : "event " + i + " \"quoted\" caf\u00e9";
            engine.append(timestamp + i, message);
            if (i != 637)
            {
                expected.add(message);
            }
        }
        assertThat(engine.flush(Duration.ofSeconds(60))).isTrue();
        assertThat(engine.stop(Duration.ofSeconds(10))).isTrue();

        List<String> stored = new ArrayList<>();
        recorded(server.storedEvents(config.logGroup(), config.logStream())).forEach(e -> stored.add(e.message));
        assertThat(stored).containsExactlyElementsOf(expected);
        EngineStatistics stats = engine.statistics();
        assertThat(stats.delivered()).isEqualTo(999);
        assertThat(stats.dropped(DropReason.INVALID)).isEqualTo(1);
        assertThat(server.wholeRequestRejections()).as("the refusals while halving down to it").isPositive();
    }
}
