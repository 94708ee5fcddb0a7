package io.github.cwlappender.testsupport.moto;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * A moto server (the Python AWS emulator) running as a child process on a free port of 127.0.0.1, for tests that
 * want a second, independent implementation of CloudWatch Logs. Install it with {@code scripts/install-moto.sh}.
 * Its output goes to {@code target/moto-server-PORT.log} of the working directory.
 *
 * <p>In JUnit 5 tests prefer {@link MotoServerExtension}, which shares one server per test run and skips (or, in
 * CI, fails) when moto is not installed.
 */
public final class MotoServer implements AutoCloseable
{
    public static final String REGION = "us-east-1";
    /** System property naming the moto_server executable. */
    public static final String EXECUTABLE_PROPERTY = "cwl.motoServer";
    /** Environment variable naming the moto_server executable. */
    public static final String EXECUTABLE_ENV = "MOTO_SERVER";
    /** System property naming the project root (surefire sets it to the reactor root). */
    public static final String PROJECT_ROOT_PROPERTY = "cwl.projectRoot";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

    static final String INSTALL_SCRIPT = "scripts/install-moto.sh";
    static final String VENV_EXECUTABLE = ".tools/moto-venv/bin/moto_server";
    private static final String EXECUTABLE_NAME = "moto_server";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDMOTOLOCAL", "moto-local-secret-not-real"));

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread cleanup;
    private CloudWatchLogsClient client;
    private boolean stopped;

    private MotoServer(Process process, int port, Path logFile)
    {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        // A test run that ends without stop() (a crash, a missing extension) must not leave moto running.
        this.cleanup = new Thread(process::destroyForcibly, "moto-server-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Starts moto from {@link #locateExecutable()} and waits up to {@link #DEFAULT_STARTUP_TIMEOUT} for it to answer.
     *
     * @throws MotoUnavailableException when moto is not installed or does not start
     */
    public static MotoServer start()
    {
        return start(locateExecutable(), DEFAULT_STARTUP_TIMEOUT);
    }

    /**
     * Starts this moto_server executable and waits up to {@code startupTimeout} for it to answer HTTP.
     *
     * @throws MotoUnavailableException when the executable is missing or the server does not start
     */
    public static MotoServer start(Path executable, Duration startupTimeout)
    {
        if (!Files.isExecutable(executable))
        {
            throw new MotoUnavailableException("moto_server not found at " + executable + ": run "
                    + INSTALL_SCRIPT + " (or point -D" + EXECUTABLE_PROPERTY + " or " + EXECUTABLE_ENV
                    + " at a moto_server)");
        }
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        int port = freePort();
        Path log = logFile(port);
        Process process;
        try
        {
            process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        }
        catch (IOException e)
        {
            throw new MotoUnavailableException("moto_server at " + executable + " could not be started: " + e
                    + "; run " + INSTALL_SCRIPT + " to reinstall it", e);
        }
        MotoServer server = new MotoServer(process, port, log);
        try
        {
            server.awaitAnswer(deadline, startupTimeout);
            return server;
        }
        catch (RuntimeException e)
        {
            server.stop();
            throw e;
        }
    }

    /**
     * Where moto_server should be: system property {@value #EXECUTABLE_PROPERTY}, else environment variable
     * {@value #EXECUTABLE_ENV}, else {@code .tools/moto-venv/bin/moto_server} under the project root (system property
     * {@value #PROJECT_ROOT_PROPERTY}, or the nearest directory above the working directory holding
     * {@code scripts/install-moto.sh}), else {@code moto_server} on the PATH. The path returned may not exist: it is
     * then the one an error message should name.
     */
    public static Path locateExecutable()
    {
        String property = System.getProperty(EXECUTABLE_PROPERTY);
        if (property != null && !property.trim().isEmpty())
        {
            return Paths.get(property.trim());
        }
        String env = System.getenv(EXECUTABLE_ENV);
        if (env != null && !env.trim().isEmpty())
        {
            return Paths.get(env.trim());
        }
        Path root = projectRoot();
        Path inVenv = root == null ? null : root.resolve(VENV_EXECUTABLE);
        if (inVenv != null && Files.isExecutable(inVenv))
        {
            return inVenv;
        }
        Path onPath = onPath(System.getenv("PATH"));
        if (onPath != null)
        {
            return onPath;
        }
        return inVenv != null ? inVenv : Paths.get(EXECUTABLE_NAME);
    }

    /** The directory holding {@code scripts/install-moto.sh}, searched upwards; null if there is none. */
    static Path projectRoot()
    {
        String property = System.getProperty(PROJECT_ROOT_PROPERTY);
        Path start = property != null && !property.trim().isEmpty() ? Paths.get(property.trim())
                : Paths.get(System.getProperty("user.dir"));
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent())
        {
            if (Files.isRegularFile(dir.resolve(INSTALL_SCRIPT)))
            {
                return dir;
            }
        }
        return null;
    }

    static Path onPath(String path)
    {
        if (path == null)
        {
            return null;
        }
        for (String dir : path.split(File.pathSeparator))
        {
            if (!dir.isEmpty())
            {
                Path candidate = Paths.get(dir, EXECUTABLE_NAME);
                if (Files.isExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")))
        {
            return socket.getLocalPort();
        }
        catch (IOException e)
        {
            throw new MotoUnavailableException("no free port on 127.0.0.1 for moto_server: " + e, e);
        }
    }

    private static Path logFile(int port)
    {
        Path dir = Paths.get("target");
        try
        {
            Files.createDirectories(dir);
        }
        catch (IOException e)
        {
            throw new MotoUnavailableException("cannot create " + dir.toAbsolutePath() + " for the moto log: " + e, e);
        }
        return dir.resolve("moto-server-" + port + ".log").toAbsolutePath();
    }

    private void awaitAnswer(long deadline, Duration startupTimeout)
    {
        while (System.nanoTime() - deadline < 0)
        {
            if (!process.isAlive())
            {
                throw new MotoUnavailableException("moto_server exited with status " + process.exitValue()
                        + " before answering on " + endpoint() + "; see " + logFile + ". " + tail()
                        + " Run " + INSTALL_SCRIPT + " to reinstall it");
            }
            if (answers())
            {
                return;
            }
            try
            {
                Thread.sleep(100);
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new MotoUnavailableException("interrupted while waiting for moto_server to start", e);
            }
        }
        throw new MotoUnavailableException("moto_server did not answer on " + endpoint() + " within "
                + startupTimeout.toSeconds() + " s; see " + logFile + ". " + tail());
    }

    private boolean answers()
    {
        try
        {
            HttpURLConnection connection = (HttpURLConnection) new URL(endpoint() + "/moto-api/").openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try
            {
                return connection.getResponseCode() > 0;
            }
            finally
            {
                connection.disconnect();
            }
        }
        catch (IOException notYet)
        {
            return false;
        }
    }

    private String tail()
    {
        try
        {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "Last lines of its output: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5),
                    lines.size()));
        }
        catch (IOException | RuntimeException e)
        {
            return "";
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint()
    {
        return "http://127.0.0.1:" + port;
    }

    public URI endpointUri()
    {
        return URI.create(endpoint());
    }

    public int port()
    {
        return port;
    }

    public String region()
    {
        return REGION;
    }

    /** Dummy static keys; moto accepts any. */
    public AwsCredentialsProvider credentials()
    {
        return CREDENTIALS;
    }

    /** Where moto's output goes. */
    public Path logFile()
    {
        return logFile;
    }

    /** A client for reading back (URL-connection HTTP client, SDK default retries), closed by {@link #stop()}. */
    public synchronized CloudWatchLogsClient client()
    {
        if (stopped)
        {
            throw new IllegalStateException("moto_server on " + endpoint() + " was stopped");
        }
        if (client == null)
        {
            client = CloudWatchLogsClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(endpointUri())
                    .region(Region.of(REGION))
                    .credentialsProvider(CREDENTIALS)
                    .build();
        }
        return client;
    }

    /**
     * Every event of a log stream, oldest first: GetLogEvents from the head, following {@code nextForwardToken}
     * until it repeats.
     */
    public List<OutputLogEvent> readEvents(String group, String stream)
    {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(stream, "stream");
        List<OutputLogEvent> events = new ArrayList<>();
        String token = null;
        while (true)
        {
            String sent = token;
            GetLogEventsResponse page = client().getLogEvents(b -> b.logGroupName(group).logStreamName(stream)
                    .startFromHead(true).nextToken(sent));
            events.addAll(page.events());
            token = page.nextForwardToken();
            if (token == null || token.equals(sent))
            {
                return events;
            }
        }
    }

    public boolean isRunning()
    {
        return process.isAlive();
    }

    /** Stops moto: a polite signal, then a forced kill, each waited for a bounded time. Idempotent. */
    public void stop()
    {
        synchronized (this)
        {
            if (stopped)
            {
                return;
            }
            stopped = true;
            if (client != null)
            {
                client.close();
            }
        }
        process.destroy();
        if (!waitFor(STOP_TIMEOUT))
        {
            process.destroyForcibly();
            waitFor(STOP_TIMEOUT);
        }
        try
        {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        catch (IllegalStateException shuttingDown)
        {
            // The JVM is already exiting; the hook runs anyway and is harmless.
        }
    }

    private boolean waitFor(Duration timeout)
    {
        try
        {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public void close()
    {
        stop();
    }

    @Override
    public String toString()
    {
        return "MotoServer[" + endpoint() + "]";
    }
}
