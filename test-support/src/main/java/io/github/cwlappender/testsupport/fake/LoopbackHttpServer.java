package io.github.cwlappender.testsupport.fake;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server the metadata and STS fakes run on: a free port of 127.0.0.1 (tests never reach another host)
 * and daemon handler threads, so a fake a test forgot to close never keeps its JVM alive.
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

    /** Serves every path with {@code handler}; {@code what} names the fake in the error when no port can be bound. */
    static LoopbackHttpServer start(String threadName, String what, HttpHandler handler)
    {
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, threadName);
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
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Override
    public void close()
    {
        http.stop(0);
        executor.shutdownNow();
    }
}
