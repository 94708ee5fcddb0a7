package io.github.cwlappender.logback;

import io.github.cwlappender.testsupport.client.RecordingClient;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private Logback context (never the global one) whose root logger, at TRACE, writes to one CloudWatch Logs
 * appender that sends to a {@link RecordingClient}.
 */
final class Fixture implements AutoCloseable
{
    static final String NAME = "CWL-TEST";

    final LoggerContext context = new LoggerContext();
    final RecordingClient client = new RecordingClient();
    final CloudWatchLogsAppender appender = new CloudWatchLogsAppender();

    Fixture()
    {
        context.setName("fixture");
        // A context made by hand has no MDC adapter; SLF4J's provider would install one in the global context.
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        appender.setContext(context);
        appender.setName(NAME);
        appender.setLogGroup("/test/logback");
        appender.setLogStream("unit");
        appender.setClient(client);
        // Short linger so delivery does not wait a second; tests still wait with flush, never with sleep.
        appender.setLingerMillis("20");
    }

    /** Starts the appender and attaches it to the root logger. */
    Fixture start()
    {
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.TRACE);
        root.addAppender(appender);
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

    /** Status messages whose origin is the appender under test. */
    List<String> statusesOfAppender()
    {
        List<String> messages = new ArrayList<>();
        for (Status s : context.getStatusManager().getCopyOfStatusList())
        {
            if (s.getOrigin() == appender)
            {
                messages.add(s.getMessage());
            }
        }
        return messages;
    }

    List<String> errorsOfAppender()
    {
        List<String> messages = new ArrayList<>();
        for (Status s : context.getStatusManager().getCopyOfStatusList())
        {
            if (s.getOrigin() == appender && s.getLevel() == Status.ERROR)
            {
                messages.add(s.getMessage());
            }
        }
        return messages;
    }

    @Override
    public void close()
    {
        context.stop();
    }
}
