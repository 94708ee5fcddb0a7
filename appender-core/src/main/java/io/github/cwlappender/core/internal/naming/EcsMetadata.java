package io.github.cwlappender.core.internal.naming;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Reads task facts from the ECS task metadata endpoint version 4: the container document at the base URI
 * ({@code Name}) and the task document at {@code /task} ({@code TaskARN}, {@code Cluster}). Each document is read
 * at most once; after the first failure it stops asking.
 */
final class EcsMetadata
{
    private final String base;
    private final MetadataHttp http;
    private JsonNode task;
    private JsonNode container;
    private String problem;

    /** @param base the value of {@code ECS_CONTAINER_METADATA_URI_V4} */
    EcsMetadata(String base, MetadataHttp http)
    {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = http;
    }

    /** The last part of the task ARN ({@code arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/TASK_ID}). */
    String taskId()
    {
        String arn = text(task(), "TaskARN");
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The cluster's name, also when the document gives its ARN. */
    String cluster()
    {
        String cluster = text(task(), "Cluster");
        if (cluster == null)
        {
            return null;
        }
        int slash = cluster.lastIndexOf('/');
        return cluster.startsWith("arn:") && slash >= 0 ? cluster.substring(slash + 1) : cluster;
    }

    /** The account in the task ARN. */
    String accountId()
    {
        String arn = text(task(), "TaskARN");
        String[] fields = arn == null ? new String[0] : arn.split(":", 6);
        return fields.length == 6 && !fields[4].isEmpty() ? fields[4] : null;
    }

    String containerName()
    {
        if (container == null)
        {
            container = read("");
        }
        return text(container, "Name");
    }

    /** Why the last look-up found nothing; null when none failed. */
    String problem()
    {
        return problem;
    }

    private JsonNode task()
    {
        if (task == null)
        {
            task = read("/task");
        }
        return task;
    }

    private JsonNode read(String path)
    {
        if (problem != null)
        {
            return null;
        }
        try
        {
            return JsonNode.parser().parse(http.request("GET", URI.create(base + path), Collections.emptyMap()));
        }
        catch (IOException | RuntimeException e)
        {
            problem = "ECS task metadata at " + base + " not available (" + e + ")";
            return null;
        }
    }

    private static String text(JsonNode document, String field)
    {
        if (document == null)
        {
            return null;
        }
        try
        {
            String value = document.field(field).filter(JsonNode::isString).map(JsonNode::asString).orElse(null);
            return value == null || value.trim().isEmpty() ? null : value.trim();
        }
        catch (RuntimeException notAnObject)
        {
            return null;
        }
    }
}
