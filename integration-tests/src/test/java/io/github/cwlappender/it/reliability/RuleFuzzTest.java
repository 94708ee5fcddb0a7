package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineConfig;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.core.OversizePolicy;
import io.github.cwlappender.core.RejectReason;
import io.github.cwlappender.testsupport.fake.EventRejection;
import io.github.cwlappender.testsupport.fake.StoredEvent;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 6: a seeded flood of events that breaks every per-event rule (see {@link FuzzEvents}) from four threads.
 * The strict fake never refuses a whole request and never receives a lone surrogate; each event's fate is computed
 * independently by the test and matches exactly: stored (whole, truncated, or split into valid pieces), or counted
 * under its reason.
 */
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RuleFuzzTest
{
    private static final int THREADS = 4;
    private static final long SEED = 20_260_606L;

    @Test
    void everyEventIsStoredTruncatedOrCountedAndNoRequestIsRefusedWhole() throws Exception
    {
        String scenario = "fuzz-truncate";
        int perThread = Sizes.pick(100_000, 1_000_000) / THREADS;
        long reference = System.currentTimeMillis();
        int maxEventBytes = EngineConfig.SERVICE_MAX_EVENT_BYTES;
        List<String> edgeCases = new FuzzEvents(reference, SEED).aroundLimit(maxEventBytes, "edge", true);
        Expectations expected = new Expectations();
        AtomicInteger edgesUsed = new AtomicInteger();
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config(server, scenario)
                    .oversize(OversizePolicy.TRUNCATE).build(), new RecordingStatus());
            engine.start();
            long started = System.nanoTime();

            Load.run(scenario, THREADS, thread -> {
                FuzzEvents fuzz = new FuzzEvents(reference, SEED + 1 + thread);
                Expectations mine = new Expectations();
                EdgeCaseMixer mixer = new EdgeCaseMixer(edgeCases, thread, perThread, edgesUsed);
                for (int i = 0; i < perThread; i++)
                {
                    FuzzEvents.Event e = mixer.next(fuzz, i, EventIds.id(scenario, thread, i));
                    FuzzEvents.Outcome outcome = fuzz.outcome(e, maxEventBytes);
                    mine.count(outcome);
                    if (outcome == FuzzEvents.Outcome.STORED || outcome == FuzzEvents.Outcome.OVERSIZE)
                    {
                        String clean = FuzzEvents.replaceLoneSurrogates(e.message);
                        mine.expect(e.timestamp, FuzzEvents.utf8Prefix(clean, maxEventBytes));
                    }
                    assertThat(engine.append(e.timestamp, e.message)).isTrue();
                }
                expected.merge(mine);
            });
            boolean clean = engine.stop(Duration.ofMinutes(5));
            long stopped = System.nanoTime();
            long ranMillis = System.currentTimeMillis() - reference;

            EngineStatistics stats = engine.statistics();
            List<StoredEvent> stored = server.storedEvents(FakeEngines.group(scenario), FakeEngines.stream(scenario));
            report(scenario, stats, expected, server, stored, stopped - started);

            assertThat(ranMillis).as("the timestamp margins hold only this long").isLessThan(FuzzEvents.MAX_RUN_MILLIS);
            assertThat(clean).as("%s", stats).isTrue();
            assertNoRuleBroken(server, stored, maxEventBytes);
            assertCounted(stats, expected, (long) THREADS * perThread);
            assertThat(stats.truncated()).as("%s", stats).isEqualTo(expected.of(FuzzEvents.Outcome.OVERSIZE));
            assertThat(stats.split()).isZero();
            assertThat(stats.accepted()).isEqualTo((long) THREADS * perThread);
            assertThat(edgesUsed.get()).as("edge cases sent").isEqualTo(edgeCases.size());
            expected.assertStoredExactly(stored);
            assertThat(Copies.of(stored).idsWhere(c -> c.size() != 1, 10)).as("ids stored more than once").isEmpty();
        }
    }

    @Test
    void oversizeEventsAreSplitIntoValidPiecesThatReassembleInOrder() throws Exception
    {
        String scenario = "fuzz-split";
        int perThread = Sizes.pick(20_000, 200_000) / THREADS;
        long reference = System.currentTimeMillis();
        int maxEventBytes = 1000;
        FuzzEvents edges = new FuzzEvents(reference, SEED);
        List<String> edgeCases = new ArrayList<>(edges.aroundLimit(maxEventBytes, "edge", true));
        edgeCases.addAll(edges.aroundLimit(2 * maxEventBytes, "edge2", false));
        Expectations expected = new Expectations();
        AtomicInteger edgesUsed = new AtomicInteger();
        // Each oversize event gets its own odd timestamp (all others are even), so its pieces can be found.
        AtomicLong oddTimestamps = new AtomicLong((reference - TimeUnit.MINUTES.toMillis(10)) | 1L);
        Map<Long, String> splitOriginals = new ConcurrentHashMap<>();
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(config(server, scenario)
                    .oversize(OversizePolicy.SPLIT).maxEventBytes(maxEventBytes).build(), new RecordingStatus());
            engine.start();
            long started = System.nanoTime();

            Load.run(scenario, THREADS, thread -> {
                FuzzEvents fuzz = new FuzzEvents(reference, SEED + 1 + thread);
                Expectations mine = new Expectations();
                EdgeCaseMixer mixer = new EdgeCaseMixer(edgeCases, thread, perThread, edgesUsed);
                for (int i = 0; i < perThread; i++)
                {
                    FuzzEvents.Event e = mixer.next(fuzz, i, EventIds.id(scenario, thread, i));
                    FuzzEvents.Outcome outcome = fuzz.outcome(e, maxEventBytes);
                    mine.count(outcome);
                    if (outcome == FuzzEvents.Outcome.OVERSIZE)
                    {
                        e = new FuzzEvents.Event(oddTimestamps.getAndAdd(-2), e.message);
                        splitOriginals.put(e.timestamp, FuzzEvents.replaceLoneSurrogates(e.message));
                    }
                    else if (outcome == FuzzEvents.Outcome.STORED)
                    {
                        mine.expect(e.timestamp, FuzzEvents.replaceLoneSurrogates(e.message));
                    }
                    assertThat(engine.append(e.timestamp, e.message)).isTrue();
                }
                expected.merge(mine);
            });
            boolean clean = engine.stop(Duration.ofMinutes(5));
            long stopped = System.nanoTime();
            long ranMillis = System.currentTimeMillis() - reference;

            EngineStatistics stats = engine.statistics();
            List<StoredEvent> stored = server.storedEvents(FakeEngines.group(scenario), FakeEngines.stream(scenario));
            List<StoredEvent> whole = new ArrayList<>();
            Map<Long, List<String>> pieces = new HashMap<>();
            for (StoredEvent e : stored)
            {
                if ((e.timestamp() & 1L) == 1L)
                {
                    pieces.computeIfAbsent(e.timestamp(), k -> new ArrayList<>()).add(e.message());
                }
                else
                {
                    whole.add(e);
                }
            }
            long pieceCount = 0;
            List<String> notCovering = new ArrayList<>();
            List<String> outOfOrder = new ArrayList<>();
            for (Map.Entry<Long, String> original : splitOriginals.entrySet())
            {
                List<String> parts = pieces.getOrDefault(original.getKey(), List.of());
                pieceCount += parts.size();
                if (!coversExactly(original.getValue(), parts))
                {
                    notCovering.add(describe(original.getKey(), original.getValue(), parts));
                }
                else if (!String.join("", parts).equals(original.getValue()))
                {
                    outOfOrder.add(describe(original.getKey(), original.getValue(), parts));
                }
            }
            report(scenario, stats, expected, server, stored, stopped - started);

            assertThat(ranMillis).as("the timestamp margins hold only this long").isLessThan(FuzzEvents.MAX_RUN_MILLIS);
            assertThat(clean).as("%s", stats).isTrue();
            assertNoRuleBroken(server, stored, maxEventBytes);
            assertCounted(stats, expected, stats.accepted());
            assertThat(stats.split()).as("%s", stats).isEqualTo(expected.of(FuzzEvents.Outcome.OVERSIZE))
                    .isEqualTo(splitOriginals.size());
            assertThat(stats.truncated()).isZero();
            assertThat(pieces.keySet()).as("pieces belong to split events").isSubsetOf(splitOriginals.keySet());
            // Each extra piece counts as accepted, so the books still balance.
            assertThat(stats.accepted()).isEqualTo((long) THREADS * perThread + pieceCount - splitOriginals.size());
            assertThat(stats.delivered()).isEqualTo(stored.size());
            assertThat(edgesUsed.get()).as("edge cases sent").isEqualTo(edgeCases.size());
            expected.assertStoredExactly(whole);
            assertThat(notCovering).as("split events whose pieces are not exactly the original, cut in pieces")
                    .isEmpty();
            // OversizePolicy.SPLIT promises the pieces "in order": a reader sees equal timestamps in arrival order.
            assertThat(outOfOrder).as("split events whose pieces were stored out of order (%s of %s)",
                    outOfOrder.size(), splitOriginals.size()).isEmpty();
        }
    }

    /** True when the pieces, in some order, put end to end are exactly the original. */
    static boolean coversExactly(String original, List<String> pieces)
    {
        Map<String, List<String>> byStart = new HashMap<>();
        for (String p : pieces)
        {
            if (p.isEmpty())
            {
                return false;
            }
            byStart.computeIfAbsent(p.substring(0, Math.min(8, p.length())), k -> new ArrayList<>()).add(p);
        }
        int position = 0;
        int used = 0;
        while (position < original.length())
        {
            List<String> candidates = byStart.get(original.substring(position, Math.min(position + 8,
                    original.length())));
            String match = null;
            if (candidates != null)
            {
                for (String c : candidates)
                {
                    if (original.startsWith(c, position) && (match == null || c.length() > match.length()))
                    {
                        match = c;
                    }
                }
            }
            if (match == null)
            {
                return false;
            }
            candidates.remove(match);
            position += match.length();
            used++;
        }
        return used == pieces.size();
    }

    private static String describe(long timestamp, String original, List<String> parts)
    {
        StringBuilder sizes = new StringBuilder();
        int firstWrong = -1;
        int position = 0;
        for (int i = 0; i < parts.size(); i++)
        {
            if (firstWrong < 0 && !original.startsWith(parts.get(i), position))
            {
                firstWrong = i;
            }
            position += parts.get(i).length();
            if (i < 12)
            {
                sizes.append(FuzzEvents.utf8Length(parts.get(i))).append(' ');
            }
        }
        return "@" + timestamp + " " + abbreviate(original) + " (" + FuzzEvents.utf8Length(original) + " bytes): "
                + parts.size() + " pieces of " + sizes + (parts.size() > 12 ? "..." : "") + "bytes, first piece"
                + " out of place: #" + firstWrong;
    }

    private static EngineConfig.Builder config(StrictCloudWatchLogsServer server, String scenario)
    {
        // BLOCK with a long wait: this scenario is about the rules, not about a full buffer, and messages of up
        // to 2 MB fill the byte budget fast. (The ring of 16,384 slots it used to set is below today's default.)
        return FakeEngines.config(server, scenario)
                .onBufferFull(OnBufferFull.BLOCK)
                .blockTimeoutMillis(300_000)
                .shutdownTimeoutMillis(300_000);
    }

    private static void assertNoRuleBroken(StrictCloudWatchLogsServer server, List<StoredEvent> stored,
            int maxEventBytes)
    {
        assertThat(server.wholeRequestRejections()).as("requests refused whole: %s", server.requestCounts())
                .isZero();
        assertThat(server.invalidUtf16Messages()).as("messages with a lone surrogate").isZero();
        for (EventRejection reason : EventRejection.values())
        {
            assertThat(server.rejectedEvents(reason)).as("events the service had to reject: %s", reason).isZero();
        }
        for (StoredEvent e : stored)
        {
            assertThat(e.message()).as("stored message").isNotEmpty();
            assertThat(FuzzEvents.hasLoneSurrogate(e.message())).as("lone surrogate in %s", e).isFalse();
            assertThat(FuzzEvents.utf8Length(e.message())).as("bytes of %s", e).isLessThanOrEqualTo(maxEventBytes);
        }
    }

    private static void assertCounted(EngineStatistics stats, Expectations expected, long accepted)
    {
        assertThat(stats.isBalanced()).as("%s", stats).isTrue();
        assertThat(stats.accepted()).isEqualTo(accepted);
        assertThat(stats.rejected(RejectReason.TOO_OLD)).as("%s", stats)
                .isEqualTo(expected.of(FuzzEvents.Outcome.TOO_OLD));
        assertThat(stats.rejected(RejectReason.TOO_NEW)).as("%s", stats)
                .isEqualTo(expected.of(FuzzEvents.Outcome.TOO_NEW));
        assertThat(stats.rejected()).as("no other rejection; %s", stats)
                .isEqualTo(expected.of(FuzzEvents.Outcome.TOO_OLD) + expected.of(FuzzEvents.Outcome.TOO_NEW));
        assertThat(stats.dropped(DropReason.EMPTY)).as("%s", stats).isEqualTo(expected.of(FuzzEvents.Outcome.EMPTY));
        assertThat(stats.dropped()).as("no other drop; %s", stats).isEqualTo(expected.of(FuzzEvents.Outcome.EMPTY));
    }

    private static void report(String scenario, EngineStatistics stats, Expectations expected,
            StrictCloudWatchLogsServer server, List<StoredEvent> stored, long nanos)
    {
        long bytes = 0;
        for (StoredEvent e : stored)
        {
            bytes += FuzzEvents.utf8Length(e.message());
        }
        Report.of(scenario).put("outcomes", expected.total()).put("accepted", stats.accepted())
                .put("delivered", stats.delivered()).put("storedMB", bytes / (1024 * 1024))
                .put("rejectedTooOld", stats.rejected(RejectReason.TOO_OLD))
                .put("rejectedTooNew", stats.rejected(RejectReason.TOO_NEW))
                .put("droppedEmpty", stats.dropped(DropReason.EMPTY)).put("truncated", stats.truncated())
                .put("split", stats.split()).put("batches", stats.batchesSent())
                .put("wholeRequestRejections", server.wholeRequestRejections())
                .put("invalidUtf16", server.invalidUtf16Messages())
                .put("wallMs", TimeUnit.NANOSECONDS.toMillis(nanos)).print();
    }

    private static String abbreviate(String s)
    {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }

    /** Outcome counts and the multiset of (timestamp, message) the fake must end up storing. */
    private static final class Expectations
    {
        private final Map<FuzzEvents.Outcome, Long> outcomes = new EnumMap<>(FuzzEvents.Outcome.class);
        private final Map<Key, Integer> stored = new HashMap<>();

        void count(FuzzEvents.Outcome outcome)
        {
            outcomes.merge(outcome, 1L, Long::sum);
        }

        void expect(long timestamp, String message)
        {
            stored.merge(new Key(timestamp, message), 1, Integer::sum);
        }

        synchronized void merge(Expectations other)
        {
            other.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            other.stored.forEach((k, v) -> stored.merge(k, v, Integer::sum));
        }

        synchronized long of(FuzzEvents.Outcome outcome)
        {
            return outcomes.getOrDefault(outcome, 0L);
        }

        synchronized Map<FuzzEvents.Outcome, Long> total()
        {
            return new LinkedHashMap<>(outcomes);
        }

        /** The stored events are exactly the expected ones, each as often as expected. */
        synchronized void assertStoredExactly(List<StoredEvent> actual)
        {
            Map<Key, Integer> left = new HashMap<>(stored);
            List<String> unexpected = new ArrayList<>();
            for (StoredEvent e : actual)
            {
                Key key = new Key(e.timestamp(), e.message());
                Integer n = left.get(key);
                if (n == null)
                {
                    if (unexpected.size() < 5)
                    {
                        unexpected.add(e.toString());
                    }
                    continue;
                }
                if (n == 1)
                {
                    left.remove(key);
                }
                else
                {
                    left.put(key, n - 1);
                }
            }
            assertThat(unexpected).as("stored events that no rule explains").isEmpty();
            assertThat(left.values().stream().mapToLong(Integer::longValue).sum())
                    .as("expected events never stored, e.g. %s", left.keySet().stream().limit(5)
                            .collect(Collectors.toList()))
                    .isZero();
        }
    }

    /** A stored event by timestamp, length and two independent hashes of its text, to keep memory small. */
    private static final class Key
    {
        private final long timestamp;
        private final int length;
        private final long h1;
        private final long h2;

        Key(long timestamp, String message)
        {
            this.timestamp = timestamp;
            this.length = message.length();
            long a = 1125899906842597L;
            long b = 0xcbf29ce484222325L;
            for (int i = 0; i < message.length(); i++)
            {
                char c = message.charAt(i);
                a = 31 * a + c;
                b = (b ^ c) * 0x100000001b3L;
            }
            this.h1 = a;
            this.h2 = b;
        }

        @Override
        public boolean equals(Object o)
        {
            if (!(o instanceof Key))
            {
                return false;
            }
            Key k = (Key) o;
            return timestamp == k.timestamp && length == k.length && h1 == k.h1 && h2 == k.h2;
        }

        @Override
        public int hashCode()
        {
            return Objects.hash(timestamp, length, h1);
        }

        @Override
        public String toString()
        {
            return "@" + timestamp + " (" + length + " chars)";
        }
    }

    /** Spreads this thread's share of the edge cases evenly among its random events. */
    private static final class EdgeCaseMixer
    {
        private final List<String> edgeCases;
        private final int stride;
        private final AtomicInteger used;
        private int next;

        EdgeCaseMixer(List<String> edgeCases, int thread, int perThread, AtomicInteger used)
        {
            this.edgeCases = edgeCases;
            this.stride = perThread / (edgeCases.size() / THREADS + 1);
            this.used = used;
            this.next = thread;
        }

        FuzzEvents.Event next(FuzzEvents fuzz, int i, String id)
        {
            if (i % stride == stride / 2 && next < edgeCases.size())
            {
                FuzzEvents.Event e = new FuzzEvents.Event(fuzz.recent(), edgeCases.get(next));
                next += THREADS;
                used.incrementAndGet();
                return e;
            }
            return fuzz.random(id);
        }
    }
}
