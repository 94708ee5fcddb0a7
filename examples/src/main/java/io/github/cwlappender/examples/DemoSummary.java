package io.github.cwlappender.examples;

import io.github.cwlappender.core.EngineStatistics;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * What one example app did: how many events it logged and what its appender counted. Printed as one line, and
 * written to {@code <cwl.demo.summaryDir>/<app>.properties} when that system property is set, so that
 * {@link DemoReader} can set it beside what it reads back from CloudWatch Logs.
 */
final class DemoSummary
{
    static final String SUMMARY_DIR_PROPERTY = "cwl.demo.summaryDir";

    final String app;
    final String logGroup;
    final long logged;
    final long accepted;
    final long delivered;
    final long rejected;
    final long dropped;

    private DemoSummary(Properties p)
    {
        this.app = p.getProperty("app");
        this.logGroup = p.getProperty("logGroup");
        this.logged = number(p, "logged");
        this.accepted = number(p, "accepted");
        this.delivered = number(p, "delivered");
        this.rejected = number(p, "rejected");
        this.dropped = number(p, "dropped");
    }

    /** Prints one line and, when {@code cwl.demo.summaryDir} is set, writes the app's file there. */
    static void report(String app, String logGroup, long logged, EngineStatistics stats) throws IOException
    {
        System.out.println(app + ": logged " + logged + " events to " + logGroup + "; the appender accepted "
                + stats.accepted() + ", delivered " + stats.delivered() + ", rejected " + stats.rejected()
                + ", dropped " + stats.dropped());
        String dir = System.getProperty(SUMMARY_DIR_PROPERTY);
        if (dir == null || dir.isEmpty())
        {
            return;
        }
        Properties p = new Properties();
        p.setProperty("app", app);
        p.setProperty("logGroup", logGroup);
        p.setProperty("logged", Long.toString(logged));
        p.setProperty("accepted", Long.toString(stats.accepted()));
        p.setProperty("delivered", Long.toString(stats.delivered()));
        p.setProperty("rejected", Long.toString(stats.rejected()));
        p.setProperty("dropped", Long.toString(stats.dropped()));
        Path file = Paths.get(dir).resolve(app + ".properties");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            p.store(out, null);
        }
    }

    static DemoSummary read(Path file) throws IOException
    {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(in);
        }
        return new DemoSummary(p);
    }

    private static long number(Properties p, String key)
    {
        return Long.parseLong(p.getProperty(key, "0"));
    }
}
