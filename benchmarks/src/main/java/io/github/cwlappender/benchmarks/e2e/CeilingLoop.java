package io.github.cwlappender.benchmarks.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * The ceiling: what the SDK client alone delivers into the same endpoint. Each producer thread fills its own batch
 * up to the service's limits (1,048,576 bytes counting 26 per event, or 10,000 events) and sends it itself, so two
 * requests are in flight as with our default {@code maxInFlight}. The client is built as our engine builds its own.
 */
final class CeilingLoop implements LoggingSystem
{
    private static final int MAX_BATCH_BYTES = 1_048_576;
    private static final int MAX_BATCH_EVENTS = 10_000;
    private static final int EVENT_OVERHEAD = 26;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final ThreadLocal<Batch> batches = ThreadLocal.withInitial(Batch::new);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private CloudWatchLogsClient client;
    private Target target;

    @Override
    public void start(Target target)
    {
        LogbackSetup.silence();
        this.target = target;
        client = CloudWatchLogsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(REQUEST_TIMEOUT).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(REQUEST_TIMEOUT).apiCallTimeout(REQUEST_TIMEOUT))
                .region(Region.of(target.region))
                .endpointOverride(URI.create(target.endpoint))
                .build();
        client.createLogGroup(b -> b.logGroupName(target.logGroup));
        client.createLogStream(b -> b.logGroupName(target.logGroup).logStreamName(target.logStream));
    }

    @Override
    public void log(long seq, String message)
    {
        Batch batch = batches.get();
        String line = Messages.formattedLine(Thread.currentThread().getName(), message);
        int size = line.length() + EVENT_OVERHEAD;
        if (batch.bytes + size > MAX_BATCH_BYTES || batch.events.size() == MAX_BATCH_EVENTS)
        {
            send(batch);
        }
        batch.events.add(InputLogEvent.builder().timestamp(System.currentTimeMillis()).message(line).build());
        batch.bytes += size;
    }

    @Override
    public void producerDone()
    {
        Batch batch = batches.get();
        if (!batch.events.isEmpty())
        {
            send(batch);
        }
    }

    private void send(Batch batch)
    {
        List<InputLogEvent> events = batch.events;
        client.putLogEvents(b -> b.logGroupName(target.logGroup).logStreamName(target.logStream).logEvents(events));
        requests.incrementAndGet();
        sent.addAndGet(events.size());
        batch.events = new ArrayList<>();
        batch.bytes = 0;
    }

    @Override
    public void stop()
    {
        client.close();
    }

    @Override
    public Map<String, Long> report()
    {
        Map<String, Long> report = new LinkedHashMap<>();
        report.put("sent", sent.get());
        report.put("requests", requests.get());
        return report;
    }

    private static final class Batch
    {
        List<InputLogEvent> events = new ArrayList<>();
        int bytes;
    }
}
