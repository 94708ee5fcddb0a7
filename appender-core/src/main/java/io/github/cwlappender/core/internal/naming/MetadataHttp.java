package io.github.cwlappender.core.internal.naming;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One small HTTP request to a metadata endpoint, bounded by a per-request timeout and a deadline shared by all the
 * look-ups of a start. Never through a proxy: metadata endpoints are link-local or loopback.
 */
final class MetadataHttp
{
    // Metadata documents are a few KB; anything far larger is not what we asked for.
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final long requestTimeoutMillis;
    private final long deadlineNanos;

    /**
     * @param requestTimeoutMillis connect and read limit of each request
     * @param totalMillis limit of all requests made through this instance together
     */
    MetadataHttp(long requestTimeoutMillis, long totalMillis)
    {
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.deadlineNanos = System.nanoTime() + totalMillis * 1_000_000L;
    }

    /** The response body of a 2xx answer. */
    String request(String method, URI uri, Map<String, String> headers) throws IOException
    {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (left <= 0)
        {
            throw new IOException("no time left for " + uri + " (all metadata look-ups share one deadline)");
        }
        int timeout = (int) Math.max(1, Math.min(requestTimeoutMillis, left));
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        try
        {
            connection.setRequestMethod(method);
            connection.setConnectTimeout(timeout);
            connection.setReadTimeout(timeout);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            headers.forEach(connection::setRequestProperty);
            if ("PUT".equals(method))
            {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(0);
                connection.getOutputStream().close();
            }
            int status = connection.getResponseCode();
            if (status < 200 || status > 299)
            {
                throw new IOException("HTTP " + status + " from " + method + " " + uri);
            }
            try (InputStream in = connection.getInputStream())
            {
                return readBody(in);
            }
        }
        finally
        {
            connection.disconnect();
        }
    }

    private static String readBody(InputStream in) throws IOException
    {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) > 0)
        {
            if (body.size() + n > MAX_BODY_BYTES)
            {
                throw new IOException("metadata response larger than " + MAX_BODY_BYTES + " bytes");
            }
            body.write(chunk, 0, n);
        }
        return body.toString(StandardCharsets.UTF_8.name());
    }
}
