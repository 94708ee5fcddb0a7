package io.github.cwlappender.log4j2;

import io.github.cwlappender.testsupport.client.RecordingClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.RootLoggerComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * A private Log4j2 context (never the global one) whose root logger, at TRACE, writes to one CloudWatch Logs
 * appender that sends to a {@link RecordingClient}. Also records the status messages this library emits.
 */
final class Fixture implements AutoCloseable
{
    static final String NAME = "CWL-TEST";

    final RecordingClient client = new RecordingClient();
    final CloudWatchLogsAppender.Builder<?> builder = CloudWatchLogsAppender.newBuilder()
            .setName(NAME)
            .setLogGroup("/test/log4j2")
            .setLogStream("unit")
            .setClient(client)
            // Short linger so delivery does not wait a second; tests still wait with flush, never with sleep.
            .setLingerMillis(20);
    final LoggerContext context;
    final StatusCapture status = new StatusCapture();
    CloudWatchLogsAppender appender;
    private final Function<ConfigurationBuilder<BuiltConfiguration>, RootLoggerComponentBuilder> root;

    /** A synchronous root logger in a plain context. */
    Fixture()
    {
        this(new LoggerContext("fixture"), b -> b.newRootLogger(Level.TRACE));
    }

    /** Every logger asynchronous, as with AsyncLoggerContextSelector. */
    static Fixture allAsync()
    {
        return new Fixture(new AsyncLoggerContext("all-async"), b -> b.newRootLogger(Level.TRACE));
    }

    /** A synchronous context whose root logger is an {@code <AsyncRoot>}. */
    static Fixture asyncRoot()
    {
        return new Fixture(new LoggerContext("async-root"), b -> b.newAsyncRootLogger(Level.TRACE));
    }

    Fixture(LoggerContext context, Function<ConfigurationBuilder<BuiltConfiguration>, RootLoggerComponentBuilder> root)
    {
        this.context = context;
        this.root = root;
        StatusLogger.getLogger().registerListener(status);
    }

    /** Builds the appender, starts it and attaches it to the root logger. */
    Fixture start()
    {
        ConfigurationBuilder<BuiltConfiguration> config = ConfigurationBuilderFactory.newConfigurationBuilder();
        config.setConfigurationName("fixture");
        config.add(root.apply(config));
        Configuration built = config.build(false);
        context.start(built);
        Configuration running = context.getConfiguration();
        appender = builder.setConfiguration(running).build();
        appender.start();
        running.addAppender(appender);
        running.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
        return this;
    }

    Logger logger(String name)
    {
        return context.getLogger(name);
    }

    void flush()
    {
        assertThat(appender.flush(Duration.ofSeconds(10))).as("flush finished").isTrue();
    }

    @Override
    public void close()
    {
        context.stop();
        StatusLogger.getLogger().removeListener(status);
    }

    /** Status messages emitted by this library's classes. */
    static final class StatusCapture implements StatusListener
    {
        private final List<StatusData> data = new CopyOnWriteArrayList<>();

        @Override
        public void log(StatusData d)
        {
            data.add(d);
        }

        @Override
        public Level getStatusLevel()
        {
            return Level.ALL;
        }

        @Override
        public void close()
        {
        }

        List<String> fromThisLibrary()
        {
            return data.stream()
                    .filter(d -> d.getStackTraceElement() != null
                            && d.getStackTraceElement().getClassName().startsWith("io.github.cwlappender"))
                    .map(d -> d.getMessage().getFormattedMessage())
                    .collect(java.util.stream.Collectors.toList());
        }

        List<String> warningsAndErrors()
        {
            return data.stream()
                    .filter(d -> d.getLevel().isMoreSpecificThan(Level.WARN))
                    .map(d -> d.getFormattedStatus())
                    .collect(java.util.stream.Collectors.toList());
        }

        List<String> errors()
        {
            return data.stream()
                    .filter(d -> d.getLevel().isMoreSpecificThan(Level.ERROR))
                    .map(d -> d.getMessage().getFormattedMessage())
                    .collect(java.util.stream.Collectors.toList());
        }
    }
}
