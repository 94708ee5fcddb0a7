package io.github.cwlappender.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** A client that accepts every batch at once (or, stalled, never answers), so only the engine's own cost shows. */
final class NoopLogsClient implements CloudWatchLogsClient
{
    private static final PutLogEventsResponse OK = PutLogEventsResponse.builder().build();

    private final CountDownLatch stall;
    private final LongAdder events = new LongAdder();

    NoopLogsClient(boolean stalled)
    {
        this.stall = new CountDownLatch(stalled ? 1 : 0);
    }

    @Override
    public PutLogEventsResponse putLogEvents(PutLogEventsRequest request)
    {
        try
        {
            stall.await();
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        events.add(request.logEvents().size());
        return OK;
    }

    void release()
    {
        stall.countDown();
    }

    long events()
    {
        return events.sum();
    }

    @Override
    public String serviceName()
    {
        return "logs";
    }

    @Override
    public void close()
    {
    }
}
