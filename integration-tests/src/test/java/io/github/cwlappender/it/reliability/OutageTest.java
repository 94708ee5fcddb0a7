package io.github.cwlappender.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.CloudWatchLogsEngine;
import io.github.cwlappender.core.DropReason;
import io.github.cwlappender.core.EngineStatistics;
import io.github.cwlappender.core.OnBufferFull;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 3: the endpoint is down (every connection closed) while four threads keep logging, then it recovers.
 * With {@code onBufferFull=DROP} the application threads never wait for the network; what cannot be kept is
 * counted by reason; what was appended after the recovery all arrives.
 */
@ExtendWith(QuietSdkLogs.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OutageTest
{
    private static final String SCENARIO = "outage";
    private static final int THREADS = 4;

    @Test
    void appendNeverBlocksDuringAnOutageAndEverythingNotCountedAsDroppedArrivesAfterRecovery() throws Exception
    {
        long outageMillis = Sizes.pick(5_000L, 30_000L);
        long beforeMillis = 1_000;
        long afterMillis = Sizes.pick(3_000L, 5_000L);
        try (StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start())
        {
            // Not the defaults, on purpose: DROP and a ring of 2048 slots overflow within the outage, so this
            // proves how overflow and given-up batches are counted. DefaultConfigOutageTest proves that the default
            // configuration loses nothing in such an outage, and DefaultConfigMemoryTest what it drops beyond it.
            // Short backoff so that delivery resumes soon after the recovery.
            CloudWatchLogsEngine engine = CloudWatchLogsEngine.create(FakeEngines.config(server, SCENARIO)
                    .onBufferFull(OnBufferFull.DROP)
                    .bufferSize(2048)
                    .lingerMillis(200)
                    // Shorter than the outage, so some batches give up (RETRY_TIMEOUT) while it lasts.
                    .retryTimeoutMillis(Sizes.pick(2_000L, 10_000L))
                    .retryBaseDelay(Duration.ofMillis(50))
                    .retryMaxDelay(Duration.ofMillis(500))
                    .requestTimeoutMillis(2000)
                    .shutdownTimeoutMillis(60_000)
                    .build(), new RecordingStatus());
            engine.start();
            long started = System.nanoTime();
            long outageStart = started + TimeUnit.MILLISECONDS.toNanos(beforeMillis);
            long[] outageEnd = {Long.MAX_VALUE};
            long end = outageStart + TimeUnit.MILLISECONDS.toNanos(outageMillis + afterMillis);
            AtomicLong worstNanos = new AtomicLong();
            long[] appended = new long[THREADS];
            long[] firstAfterRecovery = new long[THREADS];
            List<BitSet> refused = new ArrayList<>();
            for (int t = 0; t < THREADS; t++)
            {
                refused.add(new BitSet());
            }

            Load.Script outage = Load.script("outage", ignored -> {
                LockSupport.parkNanos(outageStart - System.nanoTime());
                server.faults().outageFor(Duration.ofMillis(outageMillis));
                // The fake's outage ends at most this late; a margin keeps "after recovery" unambiguous.
                synchronized (outageEnd)
                {
                    outageEnd[0] = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(outageMillis + 50);
                }
            }, () -> { });
            Load.run(SCENARIO, THREADS, thread -> {
                BitSet mine = refused.get(thread);
                long first = -1;
                long i = 0;
                long worst = 0;
                while (System.nanoTime() - end < 0)
                {
                    long before = System.nanoTime();
                    boolean queued = engine.append(System.currentTimeMillis(), EventIds.message(SCENARIO, thread, i));
                    long after = System.nanoTime();
                    worst = Math.max(worst, after - before);
                    if (!queued)
                    {
                        mine.set((int) i);
                    }
                    if (first < 0)
                    {
                        synchronized (outageEnd)
                        {
                            if (before - outageEnd[0] >= 0)
                            {
                                first = i;
                            }
                        }
                    }
                    i++;
                    if (i % 4 == 0)
                    {
                        // About 4 x 4 events per millisecond at most: a busy service, not a tight loop.
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                }
                appended[thread] = i;
                firstAfterRecovery[thread] = first;
                worstNanos.accumulateAndGet(worst, Math::max);
            });
            outage.join();
            boolean clean = engine.stop(Duration.ofSeconds(60));
            long stopped = System.nanoTime();

            EngineStatistics stats = engine.statistics();
            Copies copies = Copies.of(server.storedEvents(FakeEngines.group(SCENARIO), FakeEngines.stream(SCENARIO)));
            long total = 0;
            long refusedTotal = 0;
            long afterRecovery = 0;
            for (int t = 0; t < THREADS; t++)
            {
                total += appended[t];
                refusedTotal += refused.get(t).cardinality();
                afterRecovery += firstAfterRecovery[t] < 0 ? 0 : appended[t] - firstAfterRecovery[t];
            }
            Report.of(SCENARIO).put("outageMs", outageMillis).put("events", total)
                    .put("delivered", stats.delivered()).put("droppedBufferFull", stats.dropped(DropReason.BUFFER_FULL))
                    .put("droppedRetryTimeout", stats.dropped(DropReason.RETRY_TIMEOUT))
                    .put("droppedOther", stats.dropped() - stats.dropped(DropReason.BUFFER_FULL)
                            - stats.dropped(DropReason.RETRY_TIMEOUT))
                    .put("appendedAfterRecovery", afterRecovery).put("retries", stats.retries())
                    .put("worstAppendMicros", TimeUnit.NANOSECONDS.toMicros(worstNanos.get()))
                    .put("wallMs", TimeUnit.NANOSECONDS.toMillis(stopped - started)).print();

            assertThat(clean).as("nothing lost at shutdown after recovery; %s", stats).isTrue();
            assertThat(stats.accepted()).isEqualTo(total);
            assertThat(stats.isBalanced()).as("%s", stats).isTrue();
            assertThat(stats.rejected()).as("%s", stats).isZero();
            assertThat(stats.dropped(DropReason.BUFFER_FULL)).as("BUFFER_FULL drops are the refused appends")
                    .isEqualTo(refusedTotal);
            assertThat(stats.dropped(DropReason.BUFFER_FULL) + stats.dropped(DropReason.RETRY_TIMEOUT))
                    .as("the outage cost events, each counted; %s", stats).isPositive();
            assertThat(stats.dropped()).as("only the outage's reasons; %s", stats)
                    .isEqualTo(stats.dropped(DropReason.BUFFER_FULL) + stats.dropped(DropReason.RETRY_TIMEOUT));
            // A connection closed before the request took effect stores nothing: no duplicates here.
            assertThat(copies.duplicates()).isZero();
            assertThat(copies.copies()).isEqualTo(stats.delivered());
            assertThat(copies.withoutId()).isZero();
            assertThat(stats.delivered() + stats.dropped(DropReason.RETRY_TIMEOUT)).isEqualTo(total - refusedTotal);
            assertThat(afterRecovery).as("events appended after the recovery").isPositive();
            for (int t = 0; t < THREADS; t++)
            {
                for (long i = 0; i < appended[t]; i++)
                {
                    String id = EventIds.id(SCENARIO, t, i);
                    if (refused.get(t).get((int) i))
                    {
                        assertThat(copies.count(id)).as("refused %s", id).isZero();
                    }
                    else if (i >= firstAfterRecovery[t] && firstAfterRecovery[t] >= 0)
                    {
                        assertThat(copies.count(id)).as("%s, queued after the recovery", id).isEqualTo(1);
                    }
                }
            }
            // Speed is not the point; an append that waited for the network would take seconds, not microseconds.
            assertThat(worstNanos.get()).as("worst append latency").isLessThan(TimeUnit.SECONDS.toNanos(1));
        }
    }
}
