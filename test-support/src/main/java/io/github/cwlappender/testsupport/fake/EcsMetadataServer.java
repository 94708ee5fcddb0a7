package io.github.cwlappender.testsupport.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An ECS task metadata endpoint version 4 on 127.0.0.1: the container document at the base URI (the value ECS puts
 * in {@code ECS_CONTAINER_METADATA_URI_V4}) and the task document at {@code BASE/task}, with the fields ECS documents
 * ({@code Name}, {@code DockerId}; {@code Cluster}, {@code TaskARN}, {@code Family}, {@code Revision}). Answers can
 * be delayed; anything else under the base is 404.
 *
 * <p>Thread-safe.
 */
public final class EcsMetadataServer implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE_PATH = "/v4/4b6f8f2a-fake-container";

    private final LoopbackHttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/orders-cluster";
    private volatile String taskArn =
            "arn:aws:ecs:eu-west-1:123456789012:task/orders-cluster/158d1c8083dd49d6b527399fd6414f5c";
    private volatile String containerName = "orders-api";
    private volatile Duration delay = Duration.ZERO;

    private EcsMetadataServer()
    {
        this.server = LoopbackHttpServer.start("fake-ecs-metadata", "the fake ECS task metadata endpoint",
                this::handle);
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static EcsMetadataServer start()
    {
        return new EcsMetadataServer();
    }

    /** The container's metadata URI, for {@code ECS_CONTAINER_METADATA_URI_V4} or {@code cwl.ecsMetadataUri}. */
    public String metadataUri()
    {
        return server.endpoint() + BASE_PATH;
    }

    /** The task document's {@code Cluster}: a name, or an ARN as on Fargate and EC2 launch types today. */
    public EcsMetadataServer cluster(String value)
    {
        this.cluster = value;
        return this;
    }

    public EcsMetadataServer taskArn(String value)
    {
        this.taskArn = value;
        return this;
    }

    public EcsMetadataServer containerName(String value)
    {
        this.containerName = value;
        return this;
    }

    /** Waits this long before answering each request. */
    public EcsMetadataServer delay(Duration value)
    {
        this.delay = value;
        return this;
    }

    public String cluster()
    {
        return cluster;
    }

    public String taskArn()
    {
        return taskArn;
    }

    public String containerName()
    {
        return containerName;
    }

    /** Requests received. */
    public int requests()
    {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException
    {
        try
        {
            // Counted on arrival, so a request that the client gives up on while it waits still counts.
            requests.incrementAndGet();
            LoopbackHttpServer.pause(delay);
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET"))
            {
                respond(exchange, 405, null);
            }
            else if (path.equals(BASE_PATH))
            {
                respond(exchange, 200, containerDocument());
            }
            else if (path.equals(BASE_PATH + "/task"))
            {
                respond(exchange, 200, taskDocument());
            }
            else
            {
                respond(exchange, 404, null);
            }
        }
        finally
        {
            exchange.close();
        }
    }

    private Map<String, Object> containerDocument()
    {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("DockerId", "ea32192c8553fbff06c9340478a2ff089b2bb5646fb718b4ee206641c9086d66");
        doc.put("Name", containerName);
        doc.put("DockerName", "ecs-" + containerName);
        doc.put("Image", "example/" + containerName + ":latest");
        doc.put("Labels", Map.of("com.amazonaws.ecs.task-arn", taskArn));
        return doc;
    }

    private Map<String, Object> taskDocument()
    {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Cluster", cluster);
        doc.put("TaskARN", taskArn);
        doc.put("Family", "orders");
        doc.put("Revision", "7");
        doc.put("DesiredStatus", "RUNNING");
        doc.put("KnownStatus", "RUNNING");
        doc.put("LaunchType", "FARGATE");
        doc.put("Containers", java.util.List.of(containerDocument()));
        return doc;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> document) throws IOException
    {
        byte[] bytes = document == null ? new byte[0] : JSON.writeValueAsBytes(document);
        LoopbackHttpServer.respond(exchange, status, "application/json", bytes);
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
