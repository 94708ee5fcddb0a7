package io.github.cwlappender.it.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of an endpoint (the strict fake) that can take the endpoint down in the two ways a
 * real one goes down, and bring it back, on the same port, so the engine under test keeps its endpoint:
 *
 * <ul>
 *   <li>{@link #refuse()}: the port is closed, so a new connection is refused at once; a kept-alive connection is
 *       reset as soon as the client sends on it (a server that went down);</li>
 *   <li>{@link #silence()}: connections are accepted and requests read, but never forwarded and never answered, so
 *       each request hangs until the client's own timeout (a black hole: a hung server, a dropped route);</li>
 *   <li>{@link #forward()}: the endpoint is back. Connections held by a silent outage are reset (the server was
 *       restarted), so the client learns of it at once instead of after its request timeout.</li>
 * </ul>
 *
 * <p>Neither outage loses a response: a connection is cut or black-holed only when the client sends a new request
 * on it during the outage; a request forwarded before the outage began still gets its answer. So a request that
 * took effect is always answered, and any duplicate stored would be the engine's doing.
 */
final class OutageProxy implements AutoCloseable
{
    private enum Mode
    {
        FORWARD, REFUSE, SILENT
    }

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicLong requestsCut = new AtomicLong();
    private final AtomicLong requestsHeld = new AtomicLong();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;
    private ServerSocket listener;
    private Thread acceptor;

    OutageProxy(URI upstream)
    {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        try
        {
            ServerSocket first = new ServerSocket();
            first.setReuseAddress(true);
            first.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            this.port = first.getLocalPort();
            listen(first);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint()
    {
        return "http://127.0.0.1:" + port;
    }

    /** The endpoint goes down: new connections are refused, kept-alive ones reset on their next request. */
    synchronized OutageProxy refuse()
    {
        mode = Mode.REFUSE;
        closeQuietly(listener);
        listener = null;
        return this;
    }

    /** The endpoint goes silent: connections are accepted, requests never answered. */
    synchronized OutageProxy silence()
    {
        mode = Mode.SILENT;
        return this;
    }

    /** The endpoint is back on the same port; connections held by a silent outage are reset. */
    synchronized OutageProxy forward()
    {
        if (listener == null && !closed)
        {
            try
            {
                ServerSocket again = new ServerSocket();
                again.setReuseAddress(true);
                again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 50);
                listen(again);
            }
            catch (IOException e)
            {
                throw new UncheckedIOException("cannot listen on port " + port + " again", e);
            }
        }
        mode = Mode.FORWARD;
        for (Link link : links)
        {
            if (link.blackHoled)
            {
                link.reset();
            }
        }
        return this;
    }

    long connectionsAccepted()
    {
        return connectionsAccepted.get();
    }

    /** Requests whose connection was reset because the endpoint was refusing. */
    long requestsCut()
    {
        return requestsCut.get();
    }

    /** Requests (or connections) swallowed by a silent outage. */
    long requestsHeld()
    {
        return requestsHeld.get();
    }

    private void listen(ServerSocket socket)
    {
        listener = socket;
        acceptor = new Thread(() -> accept(socket), "outage-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket)
    {
        while (!socket.isClosed())
        {
            Socket client;
            try
            {
                client = socket.accept();
            }
            catch (IOException closedNow)
            {
                return;
            }
            connectionsAccepted.incrementAndGet();
            Link link = new Link(client);
            links.add(link);
            if (mode == Mode.SILENT)
            {
                // Accepted, never forwarded, never answered: the client's request hangs.
                link.blackHoled = true;
                requestsHeld.incrementAndGet();
                link.drainClient();
            }
            else
            {
                link.start();
            }
        }
    }

    @Override
    public synchronized void close()
    {
        closed = true;
        closeQuietly(listener);
        listener = null;
        for (Link link : links)
        {
            link.reset();
        }
    }

    private static void closeQuietly(AutoCloseable c)
    {
        if (c == null)
        {
            return;
        }
        try
        {
            c.close();
        }
        catch (Exception ignored)
        {
            // Closing: nothing to do.
        }
    }

    /** One client connection and, once forwarding, its upstream connection. */
    private final class Link
    {
        private final Socket client;
        private volatile Socket server;
        volatile boolean blackHoled;

        Link(Socket client)
        {
            this.client = client;
        }

        void start()
        {
            try
            {
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.connect(upstream, 5_000);
                server = s;
                client.setTcpNoDelay(true);
            }
            catch (IOException e)
            {
                reset();
                return;
            }
            daemon(this::clientToServer, "outage-proxy-up-" + port).start();
            daemon(this::serverToClient, "outage-proxy-down-" + port).start();
        }

        /** Reads and discards what the client sends, so it is never told anything. */
        void drainClient()
        {
            daemon(() -> {
                byte[] buffer = new byte[64 * 1024];
                try
                {
                    InputStream in = client.getInputStream();
                    while (in.read(buffer) >= 0)
                    {
                        // Swallowed.
                    }
                }
                catch (IOException ended)
                {
                    // The client gave up, or the proxy reset the connection.
                }
                finally
                {
                    reset();
                }
            }, "outage-proxy-hold-" + port).start();
        }

        private void clientToServer()
        {
            byte[] buffer = new byte[64 * 1024];
            try
            {
                InputStream in = client.getInputStream();
                OutputStream out = server.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0)
                {
                    if (blackHoled)
                    {
                        continue;
                    }
                    Mode now = mode;
                    if (now == Mode.REFUSE)
                    {
                        requestsCut.incrementAndGet();
                        break;
                    }
                    if (now == Mode.SILENT)
                    {
                        // From here nothing passes either way; the part of the request already forwarded (if any)
                        // is incomplete, so the endpoint never acts on it.
                        blackHoled = true;
                        requestsHeld.incrementAndGet();
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            catch (IOException ended)
            {
                // Either side closed.
            }
            reset();
        }

        private void serverToClient()
        {
            byte[] buffer = new byte[64 * 1024];
            try
            {
                InputStream in = server.getInputStream();
                OutputStream out = client.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0)
                {
                    if (!blackHoled)
                    {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            }
            catch (IOException ended)
            {
                // Either side closed.
            }
            if (!blackHoled)
            {
                reset();
            }
        }

        /** Closes both sides at once with a reset, as a server that went away does. */
        void reset()
        {
            links.remove(this);
            for (Socket s : new Socket[] {client, server})
            {
                if (s == null)
                {
                    continue;
                }
                try
                {
                    s.setSoLinger(true, 0);
                }
                catch (IOException ignored)
                {
                    // Already closed.
                }
                closeQuietly(s);
            }
        }
    }

    private static Thread daemon(Runnable body, String name)
    {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
