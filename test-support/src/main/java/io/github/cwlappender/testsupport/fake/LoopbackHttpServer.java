package io.github.cwlappender.testsupport.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server every fake here runs on (CloudWatch Logs, metadata, STS): a free port of 127.0.0.1 (tests
 * never reach another host) and daemon handler threads, so a fake a test forgot to close never keeps its JVM alive.
 */
final class LoopbackHttpServer implements AutoCloseable
{
    private final HttpServer http;
    private final ExecutorService executor;

    private LoopbackHttpServer(HttpServer http, ExecutorService executor)
    {
        this.http = http;
        this.executor = executor;
    }

    /**
     * Serves every path with {@code handler} on threads named {@code threadName-N}; {@code what} names the fake in the
     * error when no port can be bound.
     */
    static LoopbackHttpServer start(String threadName, String what, HttpHandler handler)
    {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, threadName + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try
        {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            http.createContext("/", handler);
            http.setExecutor(executor);
            http.start();
            return new LoopbackHttpServer(http, executor);
        }
        catch (IOException e)
        {
            executor.shutdownNow();
            throw new UncheckedIOException("could not bind " + what + " to 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    String endpoint()
    {
        return "http://127.0.0.1:" + port();
    }

    int port()
    {
        return http.getAddress().getPort();
    }

    /** Sleeps {@code delay} before a fake answers, as a slow or unreachable service would; an interrupt ends it early. */
    static void pause(Duration delay)
    {
        long millis = delay.toMillis();
        if (millis > 0)
        {
            try
            {
                Thread.sleep(millis);
            }
            catch (InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends {@code status} with {@code body}; an empty body is sent with no content at all. */
    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0)
        {
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }

    @Override
    public void close()
    {
        http.stop(0);
        executor.shutdownNow();
    }
}
