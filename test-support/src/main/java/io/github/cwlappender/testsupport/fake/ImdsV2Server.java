package io.github.cwlappender.testsupport.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An EC2 instance metadata service on 127.0.0.1 that insists on IMDSv2, as an instance with
 * {@code HttpTokens=required} does: {@code PUT /latest/api/token} with a TTL header gives a session token, and every
 * GET without a valid {@code X-aws-ec2-metadata-token} is answered 401. Serves the instance id, the region and the
 * instance identity document; answers can be delayed to act like an unreachable or slow service.
 *
 * <pre>
 * try (ImdsV2Server imds = ImdsV2Server.start())
 * {
 *     System.setProperty("cwl.imdsEndpoint", imds.endpoint());
 *     ...
 * }
 * </pre>
 *
 * <p>Thread-safe.
 */
public final class ImdsV2Server implements AutoCloseable
{
    public static final String TOKEN_PATH = "/latest/api/token";
    public static final String INSTANCE_ID_PATH = "/latest/meta-data/instance-id";
    public static final String REGION_PATH = "/latest/meta-data/placement/region";
    public static final String IDENTITY_DOCUMENT_PATH = "/latest/dynamic/instance-identity/document";

    private static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    private static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    private static final int MAX_TTL_SECONDS = 21_600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackHttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger metadataRequests = new AtomicInteger();
    private final AtomicInteger refusedWithoutToken = new AtomicInteger();
    private volatile String instanceId = "i-0123456789abcdef0";
    private volatile String region = "eu-west-1";
    private volatile String accountId = "123456789012";
    private volatile Duration delay = Duration.ZERO;

    private ImdsV2Server()
    {
        this.server = LoopbackHttpServer.start("fake-imds", "the fake instance metadata service", this::handle);
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static ImdsV2Server start()
    {
        return new ImdsV2Server();
    }

    /** {@code http://127.0.0.1:PORT}: the value for {@code cwl.imdsEndpoint}. */
    public String endpoint()
    {
        return server.endpoint();
    }

    public ImdsV2Server instanceId(String value)
    {
        this.instanceId = value;
        return this;
    }

    public ImdsV2Server region(String value)
    {
        this.region = value;
        return this;
    }

    /** The {@code accountId} of the instance identity document. */
    public ImdsV2Server accountId(String value)
    {
        this.accountId = value;
        return this;
    }

    /** Waits this long before answering each request, as a slow or unreachable service would. */
    public ImdsV2Server delay(Duration value)
    {
        this.delay = value;
        return this;
    }

    public String instanceId()
    {
        return instanceId;
    }

    public String region()
    {
        return region;
    }

    public String accountId()
    {
        return accountId;
    }

    /** Token requests received. */
    public int tokenRequests()
    {
        return tokenRequests.get();
    }

    /** GET requests received, answered or not. */
    public int metadataRequests()
    {
        return metadataRequests.get();
    }

    /** GET requests refused for want of a valid token (an IMDSv1-style request). */
    public int refusedWithoutToken()
    {
        return refusedWithoutToken.get();
    }

    /** All requests received. */
    public int requests()
    {
        return tokenRequests() + metadataRequests();
    }

    private void handle(HttpExchange exchange) throws IOException
    {
        try
        {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            // Counted on arrival, so a request that the client gives up on while it waits still counts.
            (path.equals(TOKEN_PATH) ? tokenRequests : metadataRequests).incrementAndGet();
            LoopbackHttpServer.pause(delay);
            if (path.equals(TOKEN_PATH))
            {
                if (!method.equals("PUT"))
                {
                    respond(exchange, 405, "");
                    return;
                }
                issueToken(exchange);
                return;
            }
            if (!method.equals("GET"))
            {
                respond(exchange, 405, "");
                return;
            }
            String token = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (token == null || !tokens.contains(token))
            {
                refusedWithoutToken.incrementAndGet();
                respond(exchange, 401, "");
                return;
            }
            String body = document(path);
            respond(exchange, body == null ? 404 : 200, body == null ? "" : body);
        }
        finally
        {
            exchange.close();
        }
    }

    private void issueToken(HttpExchange exchange) throws IOException
    {
        String ttl = exchange.getRequestHeaders().getFirst(TTL_HEADER);
        int seconds;
        try
        {
            seconds = ttl == null ? 0 : Integer.parseInt(ttl.trim());
        }
        catch (NumberFormatException e)
        {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_TTL_SECONDS)
        {
            respond(exchange, 400, "");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        exchange.getResponseHeaders().set(TTL_HEADER, Integer.toString(seconds));
        respond(exchange, 200, token);
    }

    private String document(String path) throws IOException
    {
        switch (path)
        {
            case INSTANCE_ID_PATH:
                return instanceId;
            case REGION_PATH:
                return region;
            case IDENTITY_DOCUMENT_PATH:
                Map<String, Object> identity = new LinkedHashMap<>();
                identity.put("accountId", accountId);
                identity.put("instanceId", instanceId);
                identity.put("region", region);
                identity.put("instanceType", "t3.micro");
                return JSON.writeValueAsString(identity);
            default:
                return null;
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException
    {
        LoopbackHttpServer.respond(exchange, status, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    public void stop()
    {
        server.close();
    }

    @Override
    public void close()
    {
        stop();
    }
}
