package io.github.cwlappender.testsupport.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EcsMetadataServerTest
{
    private final EcsMetadataServer ecs = EcsMetadataServer.start();
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @AfterEach
    void stop()
    {
        ecs.stop();
    }

    private HttpResponse<String> get(String uri) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheContainerDocumentAtTheBaseAndTheTaskDocumentBelowIt() throws Exception
    {
        ecs.cluster("default").taskArn("arn:aws:ecs:us-east-2:111122223333:task/default/abc123")
                .containerName("worker");

        JsonNode container = new ObjectMapper().readTree(get(ecs.metadataUri()).body());
        JsonNode task = new ObjectMapper().readTree(get(ecs.metadataUri() + "/task").body());

        assertThat(container.get("Name").asText()).isEqualTo("worker");
        assertThat(task.get("Cluster").asText()).isEqualTo("default");
        assertThat(task.get("TaskARN").asText()).isEqualTo("arn:aws:ecs:us-east-2:111122223333:task/default/abc123");
        assertThat(ecs.requests()).isEqualTo(2);
    }

    @Test
    void theMetadataUriIsOnLoopbackAndOtherPathsAre404() throws Exception
    {
        assertThat(ecs.metadataUri()).startsWith("http://127.0.0.1:");
        assertThat(get(ecs.metadataUri() + "/stats").statusCode()).isEqualTo(404);
    }
}
