package io.github.cwlappender.testsupport.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AWS STS endpoint on 127.0.0.1 answering {@code AssumeRole} and {@code AssumeRoleWithWebIdentity} (the query
 * protocol: a form-encoded POST, an XML answer) with fresh temporary credentials each time, and recording every
 * call, so that a test can check which role was assumed, with which token or signing key, and that the credentials
 * it issued are the ones that then sign requests elsewhere. Other actions get an error.
 *
 * <p>Point the SDK at it with the system property {@code aws.endpointUrlSts} (or the environment variable
 * {@code AWS_ENDPOINT_URL_STS}) set to {@link #endpoint()}.
 */
public final class FakeStsServer implements AutoCloseable
{
    /** Prefix of every access key id this fake issues; each one ends in its call number. */
    public static final String ISSUED_KEY_PREFIX = "ASIAFAKESTS";

    /** One call as received: its action, its form parameters, and the access key that signed it (or null). */
    public static final class Call
    {
        private final String action;
        private final Map<String, String> parameters;
        private final String signingAccessKeyId;
        private final String issuedAccessKeyId;

        Call(String action, Map<String, String> parameters, String signingAccessKeyId, String issuedAccessKeyId)
        {
            this.action = action;
            this.parameters = Collections.unmodifiableMap(parameters);
            this.signingAccessKeyId = signingAccessKeyId;
            this.issuedAccessKeyId = issuedAccessKeyId;
        }

        public String action()
        {
            return action;
        }

        public Map<String, String> parameters()
        {
            return parameters;
        }

        public String signingAccessKeyId()
        {
            return signingAccessKeyId;
        }

        /** The access key id this call was answered with, or null when it was refused. */
        public String issuedAccessKeyId()
        {
            return issuedAccessKeyId;
        }

        @Override
        public String toString()
        {
            return action + parameters + " signed by " + signingAccessKeyId + " -> " + issuedAccessKeyId;
        }
    }

    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final LoopbackHttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(1);
    private volatile boolean refusing;

    private FakeStsServer()
    {
        this.server = LoopbackHttpServer.start("fake-sts", "the STS fake", this::handle);
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FakeStsServer start()
    {
        return new FakeStsServer();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint()
    {
        return server.endpoint();
    }

    /**
     * How long the credentials issued from now on are valid (default one hour). Below the SDK's refresh margins
     * (a few minutes), every use of the credentials makes the SDK assume the role again.
     */
    public void setCredentialLifetime(Duration lifetime)
    {
        this.lifetime = lifetime;
    }

    /** From now on, answers every call with AccessDenied (HTTP 403), as STS does when the trust policy says no. */
    public void refuseEveryCall()
    {
        refusing = true;
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
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", "");
            String signer = signingKey(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!action.equals("AssumeRole") && !action.equals("AssumeRoleWithWebIdentity"))
            {
                record(new Call(action, form, signer, null));
                send(exchange, 400, error("InvalidAction", "The fake answers AssumeRole and"
                        + " AssumeRoleWithWebIdentity only; got " + action));
                return;
            }
            if (action.equals("AssumeRole") && signer == null)
            {
                record(new Call(action, form, null, null));
                send(exchange, 403, error("MissingAuthenticationToken", "Request is missing Authentication Token"));
                return;
            }
            if (refusing)
            {
                record(new Call(action, form, signer, null));
                send(exchange, 403, error("AccessDenied", "User is not authorized to perform: sts:" + action
                        + " on resource: " + form.get("RoleArn")));
                return;
            }
            String keyId = String.format("%s%09d", ISSUED_KEY_PREFIX, issued.incrementAndGet());
            record(new Call(action, form, signer, keyId));
            send(exchange, 200, credentials(action, keyId, form.get("RoleArn"), form.get("RoleSessionName")));
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

    private String credentials(String action, String keyId, String roleArn, String sessionName)
    {
        Instant expiration = Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        String roleName = roleArn == null ? "role" : roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return "<" + action + "Response xmlns=\"" + NAMESPACE + "\">"
                + "<" + action + "Result>"
                + "<Credentials>"
                + "<AccessKeyId>" + keyId + "</AccessKeyId>"
                + "<SecretAccessKey>fake-sts-secret-" + keyId + "</SecretAccessKey>"
                + "<SessionToken>fake-sts-token-" + keyId + "</SessionToken>"
                + "<Expiration>" + expiration + "</Expiration>"
                + "</Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>AROAFAKE:" + sessionName + "</AssumedRoleId>"
                + "<Arn>arn:aws:sts::123456789012:assumed-role/" + roleName + "/" + sessionName + "</Arn>"
                + "</AssumedRoleUser>"
                + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</" + action + "Response>";
    }

    private static String error(String code, String message)
    {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code + "</Code>"
                + "<Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId>"
                + "</ErrorResponse>";
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException
    {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> form(String body)
    {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&"))
        {
            if (pair.isEmpty())
            {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    private static String signingKey(String authorization)
    {
        SigV4Credential credential = SigV4Credential.of(authorization);
        return credential == null ? null : credential.accessKeyId;
    }
}
