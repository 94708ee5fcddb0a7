package io.github.cwlappender.testsupport.fake;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks the Signature Version 4 signature of a request signed with a key whose secret the fake knows, as the service
 * does: the same request, headers and body signed again must give the same signature. A body or a signed header
 * changed after signing fails it. Requests signed with keys the fake does not know are not checked.
 */
final class SigV4Verifier
{
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX", Locale.ROOT);

    private final Map<String, String> secretsByAccessKey;

    SigV4Verifier(Map<String, String> secretsByAccessKey)
    {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
    }

    /** Null when the signature is right or the key is not one this fake knows; otherwise what is wrong. */
    String mismatch(String method, URI requestUri, Headers headers, byte[] body)
    {
        String authorization = headers.getFirst("Authorization");
        SigV4Credential credential = SigV4Credential.of(authorization);
        if (credential == null || !secretsByAccessKey.containsKey(credential.accessKeyId))
        {
            return null;
        }
        String signedHeaders = part(authorization, "SignedHeaders=");
        String signature = part(authorization, "Signature=");
        String service = authorization.substring(SigV4Credential.HEADER_PREFIX.length()).split("[/,]", 5)[3];
        Instant signedAt;
        try
        {
            signedAt = AMZ_DATE.parse(headers.getFirst("X-Amz-Date"), Instant::from);
        }
        catch (DateTimeParseException | NullPointerException e)
        {
            return "no valid X-Amz-Date header";
        }
        if (signedHeaders == null || signature == null)
        {
            return "no SignedHeaders or Signature in the Authorization header";
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + headers.getFirst("Host") + requestUri.getRawPath()));
        for (String name : signedHeaders.split(";"))
        {
            // The signer adds these two itself, from the address and the clock.
            if (!name.equals("host") && !name.equals("x-amz-date") && headers.containsKey(name))
            {
                request.putHeader(name, headers.get(name));
            }
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(credential.accessKeyId,
                        secretsByAccessKey.get(credential.accessKeyId)))
                .request(request.build())
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, credential.region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String expected = part(signed.request().firstMatchingHeader("Authorization").orElse(""), "Signature=");
        return signature.equals(expected) ? null
                : "the signature does not match the request's body and signed headers (" + signedHeaders + ")";
    }

    private static String part(String authorization, String name)
    {
        int at = authorization.indexOf(name);
        if (at < 0)
        {
            return null;
        }
        int end = authorization.indexOf(',', at);
        return authorization.substring(at + name.length(), end < 0 ? authorization.length() : end).trim();
    }
}
