package io.github.cwlappender.testsupport.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImdsV2ServerTest
{
    private final ImdsV2Server imds = ImdsV2Server.start();
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @AfterEach
    void stop()
    {
        imds.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception
    {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception
    {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(imds.endpoint()
                + ImdsV2Server.TOKEN_PATH)).header("X-aws-ec2-metadata-token-ttl-seconds", "60")
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path, String token) throws Exception
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(imds.endpoint() + path));
        return send(token == null ? request : request.header("X-aws-ec2-metadata-token", token));
    }

    @Test
    void servesInstanceFactsToRequestsThatCarryASessionToken() throws Exception
    {
        imds.instanceId("i-0aaa").region("ap-south-1").accountId("210987654321");
        String token = token();

        assertThat(get(ImdsV2Server.INSTANCE_ID_PATH, token).body()).isEqualTo("i-0aaa");
        assertThat(get(ImdsV2Server.REGION_PATH, token).body()).isEqualTo("ap-south-1");
        assertThat(get(ImdsV2Server.IDENTITY_DOCUMENT_PATH, token).body())
                .contains("\"accountId\":\"210987654321\"");
        assertThat(imds.tokenRequests()).isEqualTo(1);
        assertThat(imds.metadataRequests()).isEqualTo(3);
    }

    @Test
    void refusesImdsV1RequestsAndUnknownTokens() throws Exception
    {
        assertThat(get(ImdsV2Server.INSTANCE_ID_PATH, null).statusCode()).isEqualTo(401);
        assertThat(get(ImdsV2Server.INSTANCE_ID_PATH, "made-up").statusCode()).isEqualTo(401);
        assertThat(imds.refusedWithoutToken()).isEqualTo(2);
    }

    @Test
    void aTokenNeedsAValidTtlAndAPut() throws Exception
    {
        URI tokenUri = URI.create(imds.endpoint() + ImdsV2Server.TOKEN_PATH);
        assertThat(send(HttpRequest.newBuilder(tokenUri).PUT(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(tokenUri).header("X-aws-ec2-metadata-token-ttl-seconds", "21601")
                .PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(tokenUri)).statusCode()).isEqualTo(405);
    }

    @Test
    void unknownPathsAre404() throws Exception
    {
        assertThat(get("/latest/meta-data/no-such-thing", token()).statusCode()).isEqualTo(404);
    }
}
