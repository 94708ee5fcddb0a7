package io.github.cwlappender.testsupport.fake;

/**
 * The credential scope of a Signature Version 4 {@code Authorization} header,
 * {@code AWS4-HMAC-SHA256 Credential=AKID/20261125/us-east-1/logs/aws4_request, ...}: which access key signed the
 * request, and for which region. The fakes record it; none of them checks the signature itself.
 */
final class SigV4Credential
{
    static final String HEADER_PREFIX = "AWS4-HMAC-SHA256 Credential=";

    final String accessKeyId;
    final String region;

    private SigV4Credential(String accessKeyId, String region)
    {
        this.accessKeyId = accessKeyId;
        this.region = region;
    }

    /** The scope of {@code authorization}, or null when it is missing or not a SigV4 header with a full scope. */
    static SigV4Credential of(String authorization)
    {
        if (authorization == null || !authorization.startsWith(HEADER_PREFIX))
        {
            return null;
        }
        // key / date / region / service / the rest of the header
        String[] scope = authorization.substring(HEADER_PREFIX.length()).split("[/,]", 5);
        if (scope.length < 5 || scope[0].isEmpty())
        {
            return null;
        }
        return new SigV4Credential(scope[0], scope[2]);
    }
}
