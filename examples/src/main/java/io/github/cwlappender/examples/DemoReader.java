package io.github.cwlappender.examples;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads back what the example apps sent: for each app's log group, every log stream and its events (GetLogEvents
 * from the head), then one summary row per app comparing what it logged, what its appender counted and what was
 * read back. Exits with status 1 when any of those disagree.
 *
 * <p>Arguments: {@code endpoint region summaryDir app...} (apps in the order they ran). Credentials come from the
 * SDK's default chain.
 */
public final class DemoReader
{
    private static final int SHOWN_CHARS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DemoReader()
    {
    }

    public static void main(String[] args) throws IOException
    {
        if (args.length < 4)
        {
            System.err.println("usage: DemoReader endpoint region summaryDir app...");
            System.exit(2);
        }
        Path summaryDir = Paths.get(args[2]);
        List<DemoSummary> apps = new ArrayList<>();
        for (int i = 3; i < args.length; i++)
        {
            apps.add(DemoSummary.read(summaryDir.resolve(args[i] + ".properties")));
        }
        List<Long> readBack = new ArrayList<>();
        try (CloudWatchLogsClient client = CloudWatchLogsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(args[0]))
                .region(Region.of(args[1]))
                .build())
        {
            for (DemoSummary app : apps)
            {
                readBack.add(printGroup(client, app));
            }
        }
        boolean allGood = printSummary(apps, readBack);
        System.exit(allGood ? 0 : 1);
    }

    /** Prints every stream of the app's log group; returns how many events it read. */
    private static long printGroup(CloudWatchLogsClient client, DemoSummary app)
    {
        long count = 0;
        List<LogStream> streams;
        try
        {
            streams = client.describeLogStreams(b -> b.logGroupName(app.logGroup)).logStreams();
        }
        catch (ResourceNotFoundException e)
        {
            System.out.println();
            System.out.println("== " + app.app + ": log group " + app.logGroup + " does not exist");
            return 0;
        }
        for (LogStream stream : streams)
        {
            System.out.println();
            System.out.println("== " + app.app + ": log group " + app.logGroup + ", log stream "
                    + stream.logStreamName());
            for (OutputLogEvent event : readStream(client, app.logGroup, stream.logStreamName()))
            {
                System.out.println("  " + TIME.format(Instant.ofEpochMilli(event.timestamp())) + "  "
                        + shown(event.message()));
                count++;
            }
        }
        return count;
    }

    private static List<OutputLogEvent> readStream(CloudWatchLogsClient client, String group, String stream)
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
            // GetLogEvents signals the end by returning the token it was given.
            if (token == null || token.equals(sent))
            {
                return events;
            }
        }
    }

    /** The first line, cut to a readable width, with a note of what was left out. */
    private static String shown(String message)
    {
        String[] lines = message.split("\n", -1);
        String first = lines[0];
        StringBuilder sb = new StringBuilder();
        if (first.length() > SHOWN_CHARS)
        {
            sb.append(first, 0, SHOWN_CHARS).append(" ...(").append(first.length()).append(" chars)");
        }
        else
        {
            sb.append(first);
        }
        if (lines.length > 1)
        {
            sb.append("  [+").append(lines.length - 1).append(" more lines in the same event]");
        }
        return sb.toString();
    }

    private static boolean printSummary(List<DemoSummary> apps, List<Long> readBack)
    {
        System.out.println();
        String columns = "%-14s %-24s %7s %9s %10s %9s %8s %10s";
        String format = columns + "  %s%n";
        System.out.printf(Locale.ROOT, columns + "%n", "app", "log group", "logged", "accepted", "delivered",
                "rejected", "dropped", "read back");
        boolean allGood = true;
        for (int i = 0; i < apps.size(); i++)
        {
            DemoSummary a = apps.get(i);
            long read = readBack.get(i);
            boolean good = a.accepted == a.logged && a.delivered == a.logged && read == a.logged;
            allGood &= good;
            System.out.printf(Locale.ROOT, format, a.app, a.logGroup, a.logged, a.accepted, a.delivered, a.rejected,
                    a.dropped, read, good ? "OK" : "MISMATCH");
        }
        return allGood;
    }
}
