package io.github.cwlappender.core.internal.naming;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Reads instance facts from the EC2 instance metadata service with IMDSv2: one session token (PUT
 * {@code /latest/api/token}), then GETs that carry it. After the first failure it stops asking, so an instance
 * without IMDS costs one timeout, not one per token.
 */
final class Ec2Metadata
{
    static final String TOKEN_PATH = "/latest/api/token";
    static final String INSTANCE_ID_PATH = "/latest/meta-data/instance-id";
    static final String REGION_PATH = "/latest/meta-data/placement/region";
    static final String IDENTITY_DOCUMENT_PATH = "/latest/dynamic/instance-identity/document";
    // Long enough for the few requests of one start.
    private static final String TOKEN_TTL_SECONDS = "60";

    private final URI endpoint;
    private final MetadataHttp http;
    private String token;
    private String problem;

    Ec2Metadata(URI endpoint, MetadataHttp http)
    {
        this.endpoint = endpoint;
        this.http = http;
    }

    String instanceId()
    {
        return get(INSTANCE_ID_PATH);
    }

    String region()
    {
        return get(REGION_PATH);
    }

    String accountId()
    {
        String document = get(IDENTITY_DOCUMENT_PATH);
        if (document == null)
        {
            return null;
        }
        try
        {
            return JsonNode.parser().parse(document).field("accountId").filter(JsonNode::isString)
                    .map(JsonNode::asString).orElse(null);
        }
        catch (RuntimeException e)
        {
            problem = "the instance identity document is not JSON: " + e.getMessage();
            return null;
        }
    }

    /** Why the last look-up found nothing; null when none failed. */
    String problem()
    {
        return problem;
    }

    private String get(String path)
    {
        if (problem != null)
        {
            return null;
        }
        try
        {
            if (token == null)
            {
                token = http.request("PUT", endpoint.resolve(TOKEN_PATH),
                        Collections.singletonMap("X-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS)).trim();
            }
            Map<String, String> headers = Collections.singletonMap("X-aws-ec2-metadata-token", token);
            String value = http.request("GET", endpoint.resolve(path), headers).trim();
            return value.isEmpty() ? null : value;
        }
        catch (IOException | RuntimeException e)
        {
            problem = "instance metadata at " + endpoint + " not available (" + e + ")";
            return null;
        }
    }
}
