package io.github.cwlappender.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cwlappender.core.internal.naming.LogDestination;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * The PutLogEvents bodies the batcher writes ({@link LogEventsJson}, {@link JsonEvents}) are the bodies the SDK's own
 * marshaller writes for the same events, byte for byte, and the interceptor sends them in its place.
 */
class WrittenBodyTest
{
    private static final LogDestination WHERE = new LogDestination("/app/group-1", "stream \"quoted\" \\ 1");

    /** Messages with every kind of character a JSON writer must treat differently. */
    private static List<String> trickyMessages()
    {
        List<String> messages = new ArrayList<>();
        messages.add("");
        messages.add("plain ascii line with a query?a=1&b=2 and /slashes/");
        messages.add("quote \" and backslash \\ and both \\\"");
        StringBuilder controls = new StringBuilder("controls:");
        for (char c = 0; c < 0x20; c++)
        {
            controls.append(c);
        }
        messages.add(controls.append("\u007f end").toString());
        messages.add("line one\nline two\r\n\ttabbed");
        messages.add("latin-1 caf\u00e9 \u00ff and two-byte \u0141\u07ff");
        messages.add("three-byte \u0800 \u65e5\u672c\u8a9e \uffff and \ue000");
        messages.add("pairs \uD83D\uDE00 \uD800\uDC00 \uDBFF\uDFFF");
        messages.add("x".repeat(5000) + "\"");
        // All-ASCII messages are checked eight bytes at a time: put each byte that needs an escape, and its
        // neighbours that do not, at every place in and around such a block.
        char[] probes = {0x00, 0x1F, 0x20, '!', '"', '#', '[', '\\', ']', 0x7F};
        for (char probe : probes)
        {
            for (int at = 0; at < 20; at++)
            {
                messages.add("a".repeat(at) + probe + "b".repeat(at % 9));
            }
        }
        return messages;
    }

    /** The tricky messages and 300 random ones. */
    private static List<String> trickyAndRandomMessages(Random random)
    {
        List<String> messages = trickyMessages();
        for (int n = 0; n < 300; n++)
        {
            messages.add(randomText(random, random.nextInt(60)));
        }
        return messages;
    }

    @Test
    void theBodyIsTheOneTheSdkMarshallerWritesForTheSameEvents()
    {
        Random random = new Random(11);
        List<String> messages = trickyAndRandomMessages(random);
        List<InputLogEvent> events = new ArrayList<>();
        JsonEvents.Collector collector = newCollector();
        long timestamp = 1_764_000_000_000L;
        for (String message : messages)
        {
            String clean = Utf8.sanitize(message);
            events.add(InputLogEvent.builder().timestamp(timestamp).message(clean).build());
            collector.add(timestamp, clean, Utf8.length(clean));
            timestamp += random.nextInt(3);
        }

        String ours = sentBody(client -> collector.seal().put(client, WHERE));
        String sdk = sentBody(client -> client.putLogEvents(b -> b.logGroupName(WHERE.logGroup())
                .logStreamName(WHERE.logStream()).logEvents(events)));

        assertThat(ours).as("first difference: %s", firstDifference(ours, sdk)).isEqualTo(sdk);
    }

    @Test
    void messagesGivenAsUtf8BytesGiveTheBodyTheSdkWritesForTheirText()
    {
        Random random = new Random(23);
        List<String> messages = trickyAndRandomMessages(random);
        // Past the bulk copy's limit: sized from the exact escaped length instead of the worst case.
        messages.add("\u0001".repeat(30_000) + "\uD83D\uDE00".repeat(10_000) + "\"");
        List<InputLogEvent> events = new ArrayList<>();
        JsonEvents.Collector collector = newCollector();
        long timestamp = 1_764_000_000_000L;
        int i = 0;
        for (String message : messages)
        {
            String clean = Utf8.sanitize(message);
            events.add(InputLogEvent.builder().timestamp(timestamp).message(clean).build());
            if (i++ % 3 == 0)
            {
                // Text and bytes mixed in one batch, as two adapters of one engine would give them.
                collector.add(timestamp, clean, Utf8.length(clean));
            }
            else
            {
                // Bytes past the length belong to no event: an adapter's buffer may be longer than its line.
                byte[] utf8 = (clean + "\n\"trailing\"").getBytes(StandardCharsets.UTF_8);
                collector.addUtf8(timestamp, utf8, Utf8.length(clean));
            }
            timestamp += random.nextInt(3);
        }

        String ours = sentBody(client -> collector.seal().put(client, WHERE));
        String sdk = sentBody(client -> client.putLogEvents(b -> b.logGroupName(WHERE.logGroup())
                .logStreamName(WHERE.logStream()).logEvents(events)));

        assertThat(ours).as("first difference: %s", firstDifference(ours, sdk)).isEqualTo(sdk);
    }

    @Test
    void eventsArrivingOutOfOrderAreSentSortedWithEqualTimestampsInArrivalOrder()
    {
        JsonEvents.Collector collector = newCollector();
        long[] timestamps = {5, 3, 5, 1, 3, 9, 1};
        for (int i = 0; i < timestamps.length; i++)
        {
            String message = "event " + i + " \u00e9";
            collector.add(timestamps[i], message, Utf8.length(message));
        }

        List<Map<String, JsonNode>> sent = sentEvents(collector.seal());

        List<String> order = new ArrayList<>();
        sent.forEach(e -> order.add(e.get("timestamp").asNumber() + ":" + e.get("message").asString()));
        assertThat(order).containsExactly("1:event 3 \u00e9", "1:event 6 \u00e9", "3:event 1 \u00e9",
                "3:event 4 \u00e9", "5:event 0 \u00e9", "5:event 2 \u00e9", "9:event 5 \u00e9");
    }

    /**
     * Batches as two threads make them (each event at most a few places late), batches far from order (reversed, or
     * shuffled, which take the general sort) and ties everywhere: each is sent in the order a stable sort by
     * timestamp gives.
     */
    @Test
    void everyShapeOfDisorderIsSentInStableTimestampOrder()
    {
        Random random = new Random(11);
        int events = 4000;
        for (String shape : List.of("in order", "crossing at each millisecond", "reversed", "shuffled"))
        {
            long[] timestamps = new long[events];
            for (int i = 0; i < events; i++)
            {
                switch (shape)
                {
                    case "in order":
                        timestamps[i] = 1_000 + i / 7;
                        break;
                    case "crossing at each millisecond":
                        timestamps[i] = 1_000 + i / 20 - (random.nextInt(4) == 0 ? 1 : 0);
                        break;
                    case "reversed":
                        timestamps[i] = 1_000 + (events - i) / 3;
                        break;
                    default:
                        timestamps[i] = 1_000 + random.nextInt(events / 4);
                }
            }
            JsonEvents.Collector collector = newCollector();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < events; i++)
            {
                collector.add(timestamps[i], "e" + i, ("e" + i).length());
                expected.add(timestamps[i] + ":e" + i);
            }
            // List.sort is a stable merge sort: ties keep their arrival order.
            expected.sort(Comparator.comparingLong(e -> Long.parseLong(e.substring(0, e.indexOf(':')))));

            List<String> sent = new ArrayList<>();
            sentEvents(collector.seal()).forEach(
                    e -> sent.add(e.get("timestamp").asNumber() + ":" + e.get("message").asString()));
            assertThat(sent).as(shape).isEqualTo(expected);
        }
    }

    @Test
    void aSliceSendsExactlyItsEventsAndTheCollectorStartsOverAfterSealing()
    {
        JsonEvents.Collector collector = newCollector();
        for (int i = 0; i < 10; i++)
        {
            collector.add(100 + i, "m" + i, 2);
        }
        BatchEvents batch = collector.seal();
        assertThat(collector.size()).isZero();
        collector.add(7, "next batch", 10);

        assertThat(messagesOf(sentEvents(batch.slice(3, 7)))).containsExactly("m3", "m4", "m5", "m6");
        assertThat(messagesOf(sentEvents(batch.slice(5, 10).slice(0, 1)))).containsExactly("m5");
        assertThat(messagesOf(sentEvents(batch))).hasSize(10);
        assertThat(messagesOf(sentEvents(collector.seal()))).containsExactly("next batch");
        assertThatThrownBy(() -> batch.slice(4, 11)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aBatchSpanningManyChunksAndItsSlicesAcrossChunkBoundariesAreWhatTheSdkWrites()
    {
        JsonEvents.Collector collector = newCollector();
        List<InputLogEvent> events = new ArrayList<>();
        Random random = new Random(5);
        long timestamp = 1_764_000_000_000L;
        for (int i = 0; i < 6000; i++)
        {
            // Mostly in order, now and then one earlier, so that the sorted batch is sent as many runs of bytes.
            long at = timestamp + i - (i % 97 == 0 ? 50 : 0);
            String message = "event " + i + " " + randomText(random, random.nextInt(300));
            collector.add(at, message, Utf8.length(message));
            events.add(InputLogEvent.builder().timestamp(at).message(message).build());
        }
        events.sort(java.util.Comparator.comparingLong(InputLogEvent::timestamp));
        BatchEvents batch = collector.seal();

        int[][] slices = {{0, 6000}, {0, 1}, {1, 5999}, {1234, 4321}, {2999, 3001}, {5999, 6000}};
        for (int[] slice : slices)
        {
            List<InputLogEvent> part = events.subList(slice[0], slice[1]);
            String ours = sentBody(client -> batch.slice(slice[0], slice[1]).put(client, WHERE));
            String sdk = sentBody(client -> client.putLogEvents(b -> b.logGroupName(WHERE.logGroup())
                    .logStreamName(WHERE.logStream()).logEvents(part)));
            assertThat(ours).as("slice %s..%s, first difference: %s", slice[0], slice[1], firstDifference(ours, sdk))
                    .isEqualTo(sdk);
        }
        assertThat(sentBody(client -> batch.put(client, WHERE)).length())
                .as("big enough to span several chunks").isGreaterThan(4 * LogEventsJson.CHUNK_BYTES);
    }

    @Test
    void aLoneSurrogateThatSlipsThroughIsWrittenAsTheReplacementCharacter()
    {
        JsonEvents.Collector collector = newCollector();
        collector.add(1, "a\uD800b\uDC00", 8);

        assertThat(messagesOf(sentEvents(collector.seal()))).containsExactly("a\uFFFDb\uFFFD");
    }

    @Test
    void aBodyBiggerThanTheFirstGuessGrowsAndStaysWhole()
    {
        JsonEvents.Collector collector = newCollector();
        String control = "\u0001".repeat(100_000);
        collector.add(1, control, control.length());
        String big = "y".repeat(900_000);
        collector.add(2, big, big.length());

        List<String> sent = messagesOf(sentEvents(collector.seal()));

        assertThat(sent).containsExactly(control, big);
    }

    @Test
    void chunksOfASettledBatchAreWrittenAgainByTheNextBatchesAndEachBodyIsStillTheSdks()
    {
        ChunkPool pool = new ChunkPool(64);
        JsonEvents.Collector collector = new JsonEvents.Collector(pool);
        Random random = new Random(17);
        long timestamp = 1_764_000_000_000L;
        for (int round = 0; round < 3; round++)
        {
            int freeAtStart = pool.available();
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = 0; i < 3000; i++)
            {
                // Two logging threads: their timestamps interleave around the end of each millisecond.
                long at = timestamp + i / 40 - (i % 2 == 0 && i % 40 < 6 ? 1 : 0);
                String message = "round " + round + " event " + i + " " + randomText(random, random.nextInt(200));
                collector.add(at, message, Utf8.length(message));
                events.add(InputLogEvent.builder().timestamp(at).message(message).build());
            }
            events.sort(java.util.Comparator.comparingLong(InputLogEvent::timestamp));
            BatchEvents batch = collector.seal();
            if (round > 0)
            {
                assertThat(pool.available()).as("round %s wrote into the chunks the last round gave back", round)
                        .isLessThan(freeAtStart);
            }

            String ours = sentBody(client -> batch.put(client, WHERE));
            String sdk = sentBody(client -> client.putLogEvents(b -> b.logGroupName(WHERE.logGroup())
                    .logStreamName(WHERE.logStream()).logEvents(events)));
            assertThat(ours).as("round %s, first difference: %s", round, firstDifference(ours, sdk)).isEqualTo(sdk);

            int free = pool.available();
            batch.slice(0, 10).release();
            assertThat(pool.available()).as("a slice gives nothing back").isEqualTo(free);
            batch.release();
            assertThat(pool.available()).as("the settled batch gives its full chunks back").isGreaterThan(free + 2);
            timestamp += 1000;
        }
    }

    @Test
    void timestampsTooFarApartForTheCompactSortAreStillSortedStably()
    {
        JsonEvents.Collector collector = newCollector();
        long[] timestamps = {Long.MAX_VALUE, -5, 7, Long.MIN_VALUE + 1, 7, -5, 0};
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < timestamps.length; i++)
        {
            String message = "event " + i;
            collector.add(timestamps[i], message, message.length());
            events.add(InputLogEvent.builder().timestamp(timestamps[i]).message(message).build());
        }
        events.sort(java.util.Comparator.comparingLong(InputLogEvent::timestamp));

        String ours = sentBody(client -> collector.seal().put(client, WHERE));
        String sdk = sentBody(client -> client.putLogEvents(b -> b.logGroupName(WHERE.logGroup())
                .logStreamName(WHERE.logStream()).logEvents(events)));

        assertThat(ours).as("first difference: %s", firstDifference(ours, sdk)).isEqualTo(sdk);
    }

    @Test
    void theBodyStreamFillsEveryReadAcrossItsRunsSoTheHttpClientWritesFullBuffers() throws IOException
    {
        byte[] chunk = "{\"timestamp\":1,\"message\":\"a\"},{\"timestamp\":2,\"message\":\"b\"}"
                .repeat(300).getBytes(StandardCharsets.US_ASCII);
        List<PutLogEventsBody.Segment> runs = List.of(new PutLogEventsBody.Segment(chunk, 0, 1000),
                new PutLogEventsBody.Segment(chunk, 1001, 5000), new PutLogEventsBody.Segment(chunk, 7000, 3));
        PutLogEventsBody body = new PutLogEventsBody("g", "s", runs);

        byte[] whole;
        List<Integer> reads = new ArrayList<>();
        try (InputStream in = body.newStream(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream())
        {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0)
            {
                reads.add(n);
                out.write(buffer, 0, n);
            }
            whole = out.toByteArray();
        }
        assertThat(whole).hasSize((int) body.contentLength());
        assertThat(reads.subList(0, reads.size() - 1)).as("every read but the last is full").containsOnly(4096);
        String expected = "{\"logGroupName\":\"g\",\"logStreamName\":\"s\",\"logEvents\":["
                + new String(chunk, 0, 1000, StandardCharsets.US_ASCII) + ","
                + new String(chunk, 1001, 5000, StandardCharsets.US_ASCII) + ","
                + new String(chunk, 7000, 3, StandardCharsets.US_ASCII) + "]}";
        assertThat(new String(whole, StandardCharsets.US_ASCII)).isEqualTo(expected);
        try (InputStream in = body.newStream())
        {
            for (byte b : whole)
            {
                assertThat(in.read()).isEqualTo(b & 0xFF);
            }
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[8], 0, 8)).isEqualTo(-1);
        }
    }

    private static JsonEvents.Collector newCollector()
    {
        return new JsonEvents.Collector(new ChunkPool(64));
    }

    private static String firstDifference(String ours, String sdk)
    {
        int i = 0;
        while (i < ours.length() && i < sdk.length() && ours.charAt(i) == sdk.charAt(i))
        {
            i++;
        }
        int from = Math.max(0, i - 40);
        return "at " + i + ": ours ..." + ours.substring(from, Math.min(ours.length(), i + 40)) + "... SDK ..."
                + sdk.substring(from, Math.min(sdk.length(), i + 40)) + "...";
    }

    private static String randomText(Random random, int codePoints)
    {
        int[] samples = {'a', 'Z', ' ', '"', '\\', '\n', 0x01, 0x1F, 0x7F, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0x1F600,
            0x10FFFF};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++)
        {
            sb.appendCodePoint(samples[random.nextInt(samples.length)]);
        }
        return sb.toString();
    }

    private static List<String> messagesOf(List<Map<String, JsonNode>> events)
    {
        List<String> messages = new ArrayList<>();
        events.forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }

    private static List<Map<String, JsonNode>> sentEvents(BatchEvents events)
    {
        Map<String, JsonNode> body = JsonNode.parser().parse(sentBody(client -> events.put(client, WHERE)))
                .asObject();
        assertThat(body.get("logGroupName").asString()).isEqualTo(WHERE.logGroup());
        assertThat(body.get("logStreamName").asString()).isEqualTo(WHERE.logStream());
        List<Map<String, JsonNode>> sent = new ArrayList<>();
        body.get("logEvents").asArray().forEach(e -> sent.add(e.asObject()));
        return sent;
    }

    /** What a client built as the engine builds its own would send, captured just before it would go out. */
    private static String sentBody(Consumer<CloudWatchLogsClient> call)
    {
        BodyCapture capture = new BodyCapture();
        try (CloudWatchLogsClient client = CloudWatchLogsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new PutLogEventsBody.Interceptor())
                        .addExecutionInterceptor(capture))
                .build())
        {
            assertThatThrownBy(() -> call.accept(client)).isInstanceOf(Captured.class);
        }
        return capture.body;
    }

    /** Reads the body after every other interceptor, as it will be signed and sent, then stops the call. */
    private static final class BodyCapture implements ExecutionInterceptor
    {
        String body;

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes)
        {
            try (InputStream in = context.requestBody().orElseThrow().contentStreamProvider().newStream())
            {
                byte[] bytes = in.readAllBytes();
                body = new String(bytes, StandardCharsets.UTF_8);
                String length = context.httpRequest().firstMatchingHeader("Content-Length").orElseThrow();
                assertThat(Long.parseLong(length)).as("Content-Length").isEqualTo(bytes.length);
            }
            catch (IOException e)
            {
                throw new UncheckedIOException(e);
            }
            throw new Captured();
        }
    }

    private static final class Captured extends RuntimeException
    {
        Captured()
        {
            super("captured", null, false, false);
        }
    }
}
