package io.github.cwlappender.testsupport.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS IAM Identity Center (SSO) portal on 127.0.0.1, as the SDK's SSO credentials provider uses it: answers
 * {@code GetRoleCredentials} ({@code GET /federation/credentials?account_id=...&role_name=...}, the access token from
 * the SSO token cache in the {@code x-amz-sso_bearer_token} header, a REST-JSON answer) with fresh temporary
 * credentials each time, and records every request, so that a test can check which account, role and token were
 * used and that the credentials it issued are the ones that then sign requests elsewhere. A request with another
 * bearer token is refused as the portal does (HTTP 401, {@code UnauthorizedException}); any other request gets HTTP
 * 400, so that an SSO OIDC client pointed here (to keep it off the network) is refused too.
 *
 * <p>Point the SDK at it with the system property {@code aws.endpointUrlSso} (or the environment variable
 * {@code AWS_ENDPOINT_URL_SSO}) set to {@link #endpoint()}.
 */
public final class FakeSsoPortalServer implements AutoCloseable
{
    /** Prefix of every access key id this fake issues; each one ends in its call number. */
    public static final String ISSUED_KEY_PREFIX = "ASIAFAKESSO";

    /** The path of {@code GetRoleCredentials}. */
    public static final String ROLE_CREDENTIALS_PATH = "/federation/credentials";

    /** One request as received: where it went, what it asked for, with which token, and what it was answered. */
    public static final class Call
    {
        private final String method;
        private final String path;
        private final String accountId;
        private final String roleName;
        private final String bearerToken;
        private final String issuedAccessKeyId;

        Call(String method, String path, Map<String, String> query, String bearerToken, String issuedAccessKeyId)
        {
            this.method = method;
            this.path = path;
            this.accountId = query.get("account_id");
            this.roleName = query.get("role_name");
            this.bearerToken = bearerToken;
            this.issuedAccessKeyId = issuedAccessKeyId;
        }

        /** True for a {@code GetRoleCredentials} request, whether answered or refused. */
        public boolean isGetRoleCredentials()
        {
            return "GET".equals(method) && ROLE_CREDENTIALS_PATH.equals(path);
        }

        public String path()
        {
            return path;
        }

        public String accountId()
        {
            return accountId;
        }

        public String roleName()
        {
            return roleName;
        }

        /** The {@code x-amz-sso_bearer_token} header, or null when there was none. */
        public String bearerToken()
        {
            return bearerToken;
        }

        /** The access key id this request was answered with, or null when it was refused. */
        public String issuedAccessKeyId()
        {
            return issuedAccessKeyId;
        }

        @Override
        public String toString()
        {
            return method + " " + path + " account " + accountId + " role " + roleName + " -> " + issuedAccessKeyId;
        }
    }

    private final LoopbackHttpServer server;
    private final String acceptedBearerToken;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Duration lifetime = Duration.ofHours(1);

    private FakeSsoPortalServer(String acceptedBearerToken)
    {
        this.acceptedBearerToken = acceptedBearerToken;
        this.server = LoopbackHttpServer.start("fake-sso", "the SSO portal fake", this::handle);
    }

    /**
     * Starts a server on a free port of 127.0.0.1 that hands out credentials for the access token
     * {@code acceptedBearerToken} only (the one {@code aws sso login} would have cached).
     */
    public static FakeSsoPortalServer start(String acceptedBearerToken)
    {
        return new FakeSsoPortalServer(acceptedBearerToken);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint()
    {
        return server.endpoint();
    }

    public synchronized List<Call> calls()
    {
        return new ArrayList<>(calls);
    }

    @Override
    public void close()
    {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException
    {
        try
        {
            exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
            Call refused = new Call(method, path, query, token, null);
            if (!refused.isGetRoleCredentials())
            {
                record(refused);
                sendError(exchange, 400, "InvalidRequestException", "The fake answers GET " + ROLE_CREDENTIALS_PATH
                        + " only; got " + method + " " + path);
                return;
            }
            if (token == null || !token.equals(acceptedBearerToken))
            {
                record(refused);
                sendError(exchange, 401, "UnauthorizedException", "Session token not found or invalid");
                return;
            }
            if (refused.accountId() == null || refused.roleName() == null)
            {
                record(refused);
                sendError(exchange, 400, "InvalidRequestException", "account_id and role_name are required");
                return;
            }
            String keyId = String.format("%s%09d", ISSUED_KEY_PREFIX, issued.incrementAndGet());
            record(new Call(method, path, query, token, keyId));
            long expiration = Instant.now().plus(lifetime).toEpochMilli();
            send(exchange, 200, null, "{\"roleCredentials\":{\"accessKeyId\":\"" + keyId + "\","
                    + "\"secretAccessKey\":\"fake-sso-secret-" + keyId + "\","
                    + "\"sessionToken\":\"fake-sso-token-" + keyId + "\","
                    + "\"expiration\":" + expiration + "}}");
        }
        finally
        {
            exchange.close();
        }
    }

    private synchronized void record(Call call)
    {
        calls.add(call);
    }

    // REST-JSON errors: the code in the x-amzn-ErrorType header, the message in the body.
    private static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException
    {
        send(exchange, status, code, "{\"message\":\"" + message + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String errorType, String json) throws IOException
    {
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null)
        {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        LoopbackHttpServer.respond(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw)
    {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null)
        {
            return query;
        }
        for (String pair : raw.split("&"))
        {
            if (pair.isEmpty())
            {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
