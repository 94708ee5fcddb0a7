package io.github.cwlappender.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that accepts connections and never answers: the worst kind of unreachable endpoint, where each
 * request hangs until the client's own timeout.
 */
final class SilentServer implements AutoCloseable
{
    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor;

    SilentServer()
    {
        try
        {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!socket.isClosed())
            {
                try
                {
                    Socket s = socket.accept();
                    synchronized (accepted)
                    {
                        accepted.add(s);
                    }
                }
                catch (IOException closed)
                {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint()
    {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int connections()
    {
        synchronized (accepted)
        {
            return accepted.size();
        }
    }

    /** A loopback port that was free a moment ago and now refuses connections. */
    static String closedPortEndpoint()
    {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")))
        {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
        synchronized (accepted)
        {
            for (Socket s : accepted)
            {
                s.close();
            }
        }
    }
}
