package io.github.cwlappender.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProducersTest
{
    /** Records which threads log and how often each says it is done. */
    private static final class RecordingSystem implements LoggingSystem
    {
        final Set<Thread> loggingThreads = ConcurrentHashMap.newKeySet();
        final AtomicLong logged = new AtomicLong();
        final AtomicLong producersDone = new AtomicLong();

        @Override
        public void start(Target target)
        {
        }

        @Override
        public void log(long seq, String message)
        {
            loggingThreads.add(Thread.currentThread());
            logged.incrementAndGet();
        }

        @Override
        public void producerDone()
        {
            producersDone.incrementAndGet();
        }

        @Override
        public void stop()
        {
        }

        @Override
        public Map<String, Long> report()
        {
            return Collections.emptyMap();
        }
    }

    @Test
    void theWarmUpAndTheMeasuredRunAreLoggedByTheSameNamedThreads() throws Exception
    {
        RecordingSystem system = new RecordingSystem();
        Producers producers = new Producers(system);

        Producers.Outcome warmUp = producers.run(1_001, 0, 10_000_000_000L);
        Set<Thread> warmUpThreads = Set.copyOf(system.loggingThreads);
        Producers.Outcome measured = producers.run(2_000, 0, 10_000_000_000L);

        assertThat(warmUp.logged).isEqualTo(1_001);
        assertThat(measured.logged).isEqualTo(2_000);
        assertThat(system.logged.get()).isEqualTo(3_001);
        assertThat(system.producersDone.get()).isEqualTo(2L * Producers.THREADS);
        assertThat(warmUpThreads).hasSize(Producers.THREADS);
        assertThat(system.loggingThreads).isEqualTo(warmUpThreads);
        assertThat(system.loggingThreads).extracting(Thread::getName)
                .containsExactlyInAnyOrder("bench-producer-1", "bench-producer-2");
    }
}
