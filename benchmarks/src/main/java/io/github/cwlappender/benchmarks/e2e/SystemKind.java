package io.github.cwlappender.benchmarks.e2e;

import java.util.Locale;
import java.util.function.Supplier;

/** Every system the end-to-end run measures, in the order of the report, with what its configuration sets. */
enum SystemKind
{
    CEILING("bare SDK loop (ceiling)", "2 threads, full batches (1 MiB or 10,000 events) through the SDK v2"
            + " client our appender builds (URL-connection HTTP client, SDK retries off); no logging framework",
            CeilingLoop::new, false),
    OURS_LOGBACK("ours, Logback", "defaults: only logGroup, region, endpoint set", OursLogback::new, true),
    OURS_LOG4J2("ours, Log4j2", "defaults: only logGroup, region, endpoint set", OursLog4j2::new, true),
    KDGREGORY_DEFAULT("kdgregory 3.2.1, defaults", "logGroup, logStream, clientRegion, clientEndpoint; SDK v1 facade",
            () -> new KdgregoryLogback(false), false),
    KDGREGORY_TUNED("kdgregory 3.2.1, tuned", "as defaults plus discardAction=none, discardThreshold=2147483647"
            + " (never discards)", () -> new KdgregoryLogback(true), false),
    PJER_DEFAULT("pjer 1.6.0, defaults", "logGroupName, logStreamName, logRegion, cloudWatchEndpoint,"
            + " accessKeyId/secretAccessKey (maxFlushTimeMillis=0: one request per event on the caller's thread)",
            () -> new PjerLogback(false), false),
    PJER_TUNED("pjer 1.6.0, tuned", "as defaults plus maxFlushTimeMillis=1000 (background worker),"
            + " maxBatchLogEvents=10000, maxBlockTimeMillis=60000", () -> new PjerLogback(true), false);

    final String label;
    final String configuration;
    private final Supplier<LoggingSystem> factory;
    final boolean ours;

    SystemKind(String label, String configuration, Supplier<LoggingSystem> factory, boolean ours)
    {
        this.label = label;
        this.configuration = configuration;
        this.factory = factory;
        this.ours = ours;
    }

    /** The name on the command line and in the result files, e.g. {@code ours-logback}. */
    String id()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    LoggingSystem create()
    {
        return factory.get();
    }

    static SystemKind byId(String id)
    {
        for (SystemKind kind : values())
        {
            if (kind.id().equals(id))
            {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown system " + id + "; known: " + java.util.Arrays.toString(ids()));
    }

    static String[] ids()
    {
        SystemKind[] all = values();
        String[] ids = new String[all.length];
        for (int i = 0; i < all.length; i++)
        {
            ids[i] = all[i].id();
        }
        return ids;
    }
}
