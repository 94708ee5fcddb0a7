package io.github.cwlappender.testsupport.fake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The HTTP side of the fake: AWS JSON 1.1 framing ({@code X-Amz-Target}, content type, error bodies), the
 * signature's presence, fault injection at transport level, and the count of every request by outcome.
 */
final class AwsJsonHandler implements HttpHandler
{
    static final String TARGET_PREFIX = "Logs_20140328.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String OK = "OK";
    static final String CONNECTION_RESET = "ConnectionReset";
    static final String RESPONSE_LOST = "ResponseLost";
    private static final String INTERNAL_FAILURE = "InternalFailure";
    /** Bodies up to this size are read into one array of their announced length (PutLogEvents allows 1 MiB). */
    private static final long MAX_PRESIZED_BODY = 16L << 20;

    // Strict on input (no duplicate keys, nothing after the object); pure ASCII on output, so even a lone
    // surrogate that was stored can be sent back as an escape.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private final LogsOperations operations;
    private final Faults faults;
    private final RequestCounts counts;
    private final Set<String> accessKeyIds;
    private final SigV4Verifier signatures;
    private final Set<String> signingRegions;

    AwsJsonHandler(LogsOperations operations, Faults faults, RequestCounts counts, Set<String> accessKeyIds,
            Set<String> signingRegions, SigV4Verifier signatures)
    {
        this.signatures = signatures;
        this.operations = operations;
        this.faults = faults;
        this.counts = counts;
        this.accessKeyIds = accessKeyIds;
        this.signingRegions = signingRegions;
    }

    @Override
    public void handle(HttpExchange exchange)
    {
        String operation = operation(exchange);
        try
        {
            serve(exchange, operation);
        }
        catch (IOException clientGone)
        {
            // The client closed first (its timeout, or a reset we caused); nothing left to answer.
        }
        catch (InterruptedException stopping)
        {
            Thread.currentThread().interrupt();
        }
        finally
        {
            // Before a response was sent this closes the connection itself: the client reads end of stream.
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, String operation) throws IOException, InterruptedException
    {
        ServiceError framing = checkFraming(exchange, operation);
        recordAccessKey(exchange);
        if (framing != null)
        {
            exchange.getRequestBody().readAllBytes();
            sendError(exchange, operation, framing);
            return;
        }
        Faults.Injection injection = faults.decide(operation);
        switch (injection.action)
        {
            case RESET:
                readHalf(exchange);
                counts.add(operation, CONNECTION_RESET);
                return;
            case CREDENTIALS:
                exchange.getRequestBody().readAllBytes();
                sendError(exchange, operation, ServiceError.clientError(ServiceError.UNRECOGNIZED_CLIENT,
                        "The security token included in the request is invalid."));
                return;
            case THROTTLE:
                exchange.getRequestBody().readAllBytes();
                sendError(exchange, operation, ServiceError.clientError(ServiceError.THROTTLING, "Rate exceeded"));
                return;
            case SERVER_ERROR:
                exchange.getRequestBody().readAllBytes();
                sendError(exchange, operation, ServiceError.unavailable("The server is unavailable; try again."));
                return;
            default:
                break;
        }
        byte[] body = readBody(exchange);
        String badSignature = signatures.mismatch(exchange.getRequestMethod(), exchange.getRequestURI(),
                exchange.getRequestHeaders(), body);
        if (badSignature != null)
        {
            sendError(exchange, operation, ServiceError.invalidSignature(badSignature));
            return;
        }
        boolean lose = injection.action == Faults.Action.RESPONSE_LOST;
        ObjectNode result = null;
        ServiceError error = null;
        try
        {
            result = operations.execute(operation, parse(body), lose);
        }
        catch (ServiceError e)
        {
            error = e;
        }
        catch (RuntimeException bug)
        {
            // A fault in the fake itself must show as such, never as a service rule.
            error = ServiceError.clientError(INTERNAL_FAILURE, "strict fake failed: " + bug);
        }
        if (lose)
        {
            counts.add(operation, RESPONSE_LOST);
            return;
        }
        if (injection.delayMillis > 0)
        {
            Thread.sleep(injection.delayMillis);
        }
        if (error != null)
        {
            sendError(exchange, operation, error);
        }
        else
        {
            counts.add(operation, OK);
            send(exchange, 200, MAPPER.writeValueAsBytes(result));
        }
    }

    private static String operation(HttpExchange exchange)
    {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX))
        {
            return "Unknown";
        }
        return target.substring(TARGET_PREFIX.length());
    }

    private static ServiceError checkFraming(HttpExchange exchange, String operation)
    {
        if (!"POST".equals(exchange.getRequestMethod()) || !LogsOperations.ALL.contains(operation))
        {
            return ServiceError.clientError(ServiceError.UNKNOWN_OPERATION, "Expected a POST with X-Amz-Target "
                    + TARGET_PREFIX + "<Operation>, one of " + LogsOperations.ALL);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE))
        {
            return ServiceError.clientError(ServiceError.SERIALIZATION, "Content-Type must be " + CONTENT_TYPE
                    + "; got " + contentType);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith(SigV4Credential.HEADER_PREFIX))
        {
            return ServiceError.clientError(ServiceError.MISSING_AUTHENTICATION_TOKEN,
                    "Missing Authentication Token");
        }
        return null;
    }

    // The key and region the request was signed with.
    private void recordAccessKey(HttpExchange exchange)
    {
        SigV4Credential credential = SigV4Credential.of(exchange.getRequestHeaders().getFirst("Authorization"));
        if (credential != null)
        {
            accessKeyIds.add(credential.accessKeyId);
            signingRegions.add(credential.region);
        }
    }

    /**
     * The request body in one array: read straight into an array of the announced length, since
     * {@code readAllBytes} reads in pieces and copies them together, work that takes CPU from the client under load.
     */
    private static byte[] readBody(HttpExchange exchange) throws IOException
    {
        InputStream in = exchange.getRequestBody();
        String announced = exchange.getRequestHeaders().getFirst("Content-Length");
        long length = announced == null ? -1 : parseLength(announced);
        if (length < 0 || length > MAX_PRESIZED_BODY)
        {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private static long parseLength(String announced)
    {
        try
        {
            return Long.parseLong(announced.trim());
        }
        catch (NumberFormatException e)
        {
            return -1;
        }
    }

    private static JsonNode parse(byte[] body)
    {
        JsonNode json;
        try
        {
            json = MAPPER.readTree(body);
        }
        catch (JsonProcessingException e)
        {
            throw ServiceError.clientError(ServiceError.SERIALIZATION, "Malformed JSON: " + e.getOriginalMessage());
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
        if (json == null || !json.isObject())
        {
            throw ServiceError.clientError(ServiceError.SERIALIZATION, "The request body must be a JSON object");
        }
        return json;
    }

    // Stops reading partway, so the close lands while the client may still be sending.
    private static void readHalf(HttpExchange exchange) throws IOException
    {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long half = length == null ? 0 : Long.parseLong(length.trim()) / 2;
        InputStream in = exchange.getRequestBody();
        byte[] buffer = new byte[8192];
        while (half > 0)
        {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, half));
            if (n < 0)
            {
                break;
            }
            half -= n;
        }
    }

    private void sendError(HttpExchange exchange, String operation, ServiceError error) throws IOException
    {
        counts.add(operation, error.code());
        ObjectNode body = MAPPER.createObjectNode().put("__type", error.code()).put("message", error.getMessage());
        send(exchange, error.status(), MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException
    {
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
