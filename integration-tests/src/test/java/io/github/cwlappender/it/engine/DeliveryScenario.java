package io.github.cwlappender.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.StatusListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * The delivery scenario all three endpoints run: two application threads append events with unique ids through
 * one engine, then what the endpoint holds is compared with what was appended, event by event.
 */
final class DeliveryScenario
{
    static final int THREADS = 2;
    /** What the service stores for one event, in UTF-8 bytes. */
    static final int MAX_EVENT_BYTES = 1_048_550;

    private DeliveryScenario()
    {
    }

    /** Builds the message for one event; it must start with {@code id} and a space. */
    interface Messages
    {
        String message(String id, int thread, int sequence);
    }

    /** One event as appended, and the message the service should hold for it. */
    static final class Sent
    {
        final String id;
        final long timestamp;
        final String expected;

        Sent(String id, long timestamp, String expected)
        {
            this.id = id;
            this.timestamp = timestamp;
            this.expected = expected;
        }
    }

    /** One event as read back from the endpoint. */
    static final class Received
    {
        final long timestamp;
        final String message;

        Received(long timestamp, String message)
        {
            this.timestamp = timestamp;
            this.message = message;
        }

        static List<Received> of(List<OutputLogEvent> events)
        {
            List<Received> received = new ArrayList<>(events.size());
            for (OutputLogEvent e : events)
            {
                received.add(new Received(e.timestamp(), e.message()));
            }
            return received;
        }
    }

    /** Collects the engine's status reports, so a failing test can show them. */
    static final class RecordingStatus implements StatusListener
    {
        final List<String> reports = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public void info(String message)
        {
            reports.add("INFO " + message);
        }

        @Override
        public void warn(String message, Throwable cause)
        {
            reports.add("WARN " + message + (cause == null ? "" : " (" + cause + ")"));
        }

        @Override
        public void error(String message, Throwable cause)
        {
            String line = "ERROR " + message + (cause == null ? "" : " (" + cause + ")");
            reports.add(line);
            errors.add(line);
        }
    }

    static String uniqueGroup(String endpointName)
    {
        return "/cwl-it/" + endpointName + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An engine that creates its destination and seals batches quickly. */
    static EngineConfig.Builder config(String endpoint, String region, AwsCredentialsProvider credentials,
            String group)
    {
        return EngineConfig.builder()
                .name("it-delivery")
                .endpoint(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .logGroup(group)
                .logStream("delivery-" + UUID.randomUUID().toString().substring(0, 8))
                .createLogGroup(true)
                .createLogStream(true)
                // A short linger delivers each test's few events at once; the retry deadline is shorter than the
                // default so that a stuck emulator fails the test within its timeout.
                .lingerMillis(50)
                .retryTimeoutMillis(30_000)
                .shutdownTimeoutMillis(10_000);
    }

    /**
     * Appends {@code perThread} events from each of {@link #THREADS} threads, started together. Timestamps are a
     * little out of order within each thread, so the engine has to sort its batches.
     */
    static List<Sent> appendConcurrently(CloudWatchLogsEngine engine, int perThread, Messages messages)
            throws Exception
    {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try
        {
            List<Future<List<Sent>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Sent> sent = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++)
                    {
                        String id = "t" + thread + "-" + String.format("%05d", i);
                        String message = messages.message(id, thread, i);
                        long timestamp = System.currentTimeMillis() - (i % 7) * 3L;
                        assertThat(engine.append(timestamp, message)).as("append of %s", id).isTrue();
                        sent.add(new Sent(id, timestamp, expectedStored(message)));
                    }
                    return sent;
                }));
            }
            start.countDown();
            List<Sent> all = new ArrayList<>();
            for (Future<List<Sent>> r : results)
            {
                all.addAll(r.get(60, TimeUnit.SECONDS));
            }
            return all;
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** Asserts that every appended event is there exactly once, unchanged, and that reading order is by time. */
    static void assertDeliveredExactlyOnce(List<Sent> sent, List<Received> received)
    {
        Map<String, Sent> byId = new HashMap<>();
        sent.forEach(s -> byId.put(s.id, s));
        Map<String, Integer> seen = new HashMap<>();
        for (Received r : received)
        {
            String id = idOf(r.message);
            Sent s = byId.get(id);
            assertThat(s).as("event read back that was never appended: %s", abbreviate(r.message)).isNotNull();
            seen.merge(id, 1, Integer::sum);
            assertThat(r.timestamp).as("timestamp of %s", id).isEqualTo(s.timestamp);
            assertThat(r.message.equals(s.expected)).as("message of %s: expected %s but read %s", id,
                    abbreviate(s.expected), abbreviate(r.message)).isTrue();
        }
        List<String> duplicated = new ArrayList<>();
        seen.forEach((id, n) -> {
            if (n > 1)
            {
                duplicated.add(id + " x" + n);
            }
        });
        List<String> missing = new ArrayList<>(byId.keySet());
        missing.removeAll(seen.keySet());
        Collections.sort(missing);
        assertThat(duplicated).as("events delivered more than once").isEmpty();
        assertThat(missing).as("events never delivered").isEmpty();
        assertThat(received).hasSize(sent.size());
        for (int i = 1; i < received.size(); i++)
        {
            assertThat(received.get(i).timestamp).as("read order by timestamp at %d", i)
                    .isGreaterThanOrEqualTo(received.get(i - 1).timestamp);
        }
    }

    /** Asserts that the books balance and that everything was delivered. */
    static void assertAllDelivered(EngineStatistics stats, int sent)
    {
        assertThat(stats.isBalanced()).as("accepted = delivered + rejected + dropped: %s", stats).isTrue();
        assertThat(stats.accepted()).as("accepted: %s", stats).isEqualTo(sent);
        assertThat(stats.delivered()).as("delivered: %s", stats).isEqualTo(sent);
        assertThat(stats.rejected()).as("rejected: %s", stats).isZero();
        assertThat(stats.dropped()).as("dropped: %s", stats).isZero();
    }

    /** Every event of a stream, oldest first, following forward tokens until they repeat. */
    static List<Received> readAll(CloudWatchLogsClient client, String group, String stream)
    {
        List<OutputLogEvent> events = new ArrayList<>();
        String token = null;
        while (true)
        {
            String sent = token;
            GetLogEventsResponse page = client.getLogEvents(b -> b.logGroupName(group).logStreamName(stream)
                    .startFromHead(true).nextToken(sent));
            events.addAll(page.events());
            token = page.nextForwardToken();
            if (token == null || token.equals(sent))
            {
                return Received.of(events);
            }
        }
    }

    static String idOf(String message)
    {
        int space = message.indexOf(' ');
        return space < 0 ? message : message.substring(0, space);
    }

    /**
     * What the service should hold for a message: lone surrogates replaced by U+FFFD, then cut to
     * {@link #MAX_EVENT_BYTES} UTF-8 bytes on a character boundary (the engine's default oversize policy).
     */
    static String expectedStored(String message)
    {
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_EVENT_BYTES));
        int bytes = 0;
        for (int i = 0; i < message.length(); )
        {
            int cp = message.codePointAt(i);
            int chars = Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && chars == 1)
            {
                cp = 0xFFFD;
            }
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + width > MAX_EVENT_BYTES)
            {
                break;
            }
            out.appendCodePoint(cp);
            bytes += width;
            i += chars;
        }
        return out.toString();
    }

    private static String abbreviate(String s)
    {
        return s.length() <= 60 ? "'" + s + "'" : "'" + s.substring(0, 60) + "...' (" + s.length() + " chars)";
    }
}
