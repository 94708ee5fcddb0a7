package io.github.cwlappender.testsupport.fake;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the Signature Version 4 signature of a request signed with a key whose secret the fake knows, as the service
 * does: the canonical request made from the method, path, signed headers and body, signed again, must give the same
 * signature, so a body or a signed header changed after signing fails. Written from the published algorithm rather
 * than with the SDK's signer, so that it checks the SDK instead of repeating it (and logs nothing into the
 * application's logging). Requests signed with keys the fake does not know, or with a query string, are not checked.
 */
final class SigV4Verifier
{
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private final Map<String, String> secretsByAccessKey;

    SigV4Verifier(Map<String, String> secretsByAccessKey)
    {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
    }

    /** Null when the signature is right or the request is not one this fake can check; otherwise what is wrong. */
    String mismatch(String method, URI requestUri, Headers headers, byte[] body)
    {
        String authorization = headers.getFirst("Authorization");
        SigV4Credential credential = SigV4Credential.of(authorization);
        if (credential == null || !secretsByAccessKey.containsKey(credential.accessKeyId)
                || requestUri.getRawQuery() != null)
        {
            return null;
        }
        String scope = between(authorization, "Credential=" + credential.accessKeyId + "/", ",");
        String signedHeaders = between(authorization, "SignedHeaders=", ",");
        String signature = between(authorization, "Signature=", ",");
        String amzDate = headers.getFirst("X-Amz-Date");
        if (scope == null || signedHeaders == null || signature == null || amzDate == null)
        {
            return "the Authorization header lacks a part, or X-Amz-Date is missing";
        }
        String[] scopeParts = scope.split("/");
        if (scopeParts.length != 4 || !amzDate.startsWith(scopeParts[0]))
        {
            return "the credential scope " + scope + " does not fit X-Amz-Date " + amzDate;
        }
        StringBuilder canonical = new StringBuilder()
                .append(method).append('\n')
                .append(requestUri.getRawPath() == null || requestUri.getRawPath().isEmpty() ? "/"
                        : requestUri.getRawPath()).append('\n')
                .append('\n');
        for (String name : signedHeaders.split(";"))
        {
            List<String> values = headers.get(name);
            if (values == null)
            {
                return "signed header " + name + " is not in the request";
            }
            canonical.append(name).append(':').append(canonicalValue(values)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(hex(sha256(body)));
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretsByAccessKey.get(credential.accessKeyId)).getBytes(StandardCharsets.UTF_8),
                scopeParts[0]);
        for (int i = 1; i < scopeParts.length; i++)
        {
            key = hmac(key, scopeParts[i]);
        }
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(signature) ? null
                : "the signature does not match the request's body and signed headers (" + signedHeaders + ")";
    }

    /** Values joined by commas, each trimmed and with runs of spaces made one, as SigV4 canonicalizes them. */
    private static String canonicalValue(List<String> values)
    {
        StringBuilder joined = new StringBuilder();
        for (String value : values)
        {
            if (joined.length() > 0)
            {
                joined.append(',');
            }
            joined.append(value.trim().replaceAll(" +", " "));
        }
        return joined.toString();
    }

    private static String between(String text, String start, String end)
    {
        int at = text.indexOf(start);
        if (at < 0)
        {
            return null;
        }
        int from = at + start.length();
        int to = text.indexOf(end, from);
        return text.substring(from, to < 0 ? text.length() : to).trim();
    }

    private static byte[] sha256(byte[] data)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data)
    {
        try
        {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes)
    {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes)
        {
            sb.append(String.format(Locale.ROOT, "%02x", b & 0xFF));
        }
        return sb.toString();
    }
}
