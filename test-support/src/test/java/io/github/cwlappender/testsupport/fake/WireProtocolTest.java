package io.github.cwlappender.testsupport.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;

/** The AWS JSON 1.1 framing, checked with raw HTTP where the SDK would never send the wrong thing. */
class WireProtocolTest
{
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKID/20260301/us-east-1/logs/aws4_request,"
            + " SignedHeaders=host, Signature=0";

    private final StrictCloudWatchLogsServer server = StrictCloudWatchLogsServer.start();

    @AfterEach
    void stop()
    {
        server.stop();
    }

    private Answer post(String target, String contentType, String authorization, String body) throws IOException
    {
        HttpURLConnection c = (HttpURLConnection) new URL(server.endpoint() + "/").openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        if (target != null)
        {
            c.setRequestProperty("X-Amz-Target", target);
        }
        if (contentType != null)
        {
            c.setRequestProperty("Content-Type", contentType);
        }
        if (authorization != null)
        {
            c.setRequestProperty("Authorization", authorization);
        }
        c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream())
        {
            return new Answer(status, c.getContentType(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void checksTheSignatureOfItsOwnKeyAndRefusesABodyChangedAfterSigning()
    {
        String group = "/signed";
        try (CloudWatchLogsClient honest = client(body -> body);
                CloudWatchLogsClient tampering = client(body -> body.replace("hello", "jello")))
        {
            honest.createLogGroup(b -> b.logGroupName(group));
            honest.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
            honest.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                    .logEvents(e -> e.timestamp(System.currentTimeMillis()).message("hello")));

            CloudWatchLogsException refused = catchThrowableOfType(CloudWatchLogsException.class,
                    () -> tampering.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                            .logEvents(e -> e.timestamp(System.currentTimeMillis()).message("hello"))));

            assertThat(refused).isNotNull();
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(ServiceError.INVALID_SIGNATURE);
        }
        assertThat(server.storedEvents(group, "s")).extracting(StoredEvent::message).containsExactly("hello");
    }

    /** A client of the fake whose HTTP layer rewrites each body after the SDK has signed it. */
    private CloudWatchLogsClient client(UnaryOperator<String> afterSigning)
    {
        SdkHttpClient http = UrlConnectionHttpClient.create();
        SdkHttpClient rewriting = new SdkHttpClient()
        {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request)
            {
                byte[] body = afterSigning.apply(read(request)).getBytes(StandardCharsets.UTF_8);
                return http.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                        .contentStreamProvider(() -> new ByteArrayInputStream(body)).build());
            }

            @Override
            public void close()
            {
                http.close();
            }
        };
        return CloudWatchLogsClient.builder().httpClient(rewriting).region(Region.of(server.region()))
                .endpointOverride(URI.create(server.endpoint())).credentialsProvider(server.credentials())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static String read(HttpExecuteRequest request)
    {
        if (request.contentStreamProvider().isEmpty())
        {
            return "";
        }
        try (InputStream in = request.contentStreamProvider().get().newStream())
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Answer
    {
        final int status;
        final String contentType;
        final String body;

        Answer(int status, String contentType, String body)
        {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }
    }

    @Test
    void answersAJsonBodyWithTheJson11ContentType() throws IOException
    {
        Answer answer = post("Logs_20140328.CreateLogGroup", "application/x-amz-json-1.1", SIGNED,
                "{\"logGroupName\":\"/g\"}");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.contentType).isEqualTo("application/x-amz-json-1.1");
        assertThat(answer.body).isEqualTo("{}");
    }

    @Test
    void answersErrorsWithTypeAndMessage() throws IOException
    {
        Answer answer = post("Logs_20140328.CreateLogStream", "application/x-amz-json-1.1", SIGNED,
                "{\"logGroupName\":\"/missing\",\"logStreamName\":\"s\"}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).startsWith("{\"__type\":\"ResourceNotFoundException\",\"message\":\"");
    }

    @Test
    void refusesUnsignedRequests() throws IOException
    {
        Answer answer = post("Logs_20140328.CreateLogGroup", "application/x-amz-json-1.1", null,
                "{\"logGroupName\":\"/g\"}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).contains("MissingAuthenticationTokenException");
        assertThat(server.hasLogGroup("/g")).isFalse();
    }

    @Test
    void refusesUnknownOperation() throws IOException
    {
        Answer answer = post("Logs_20140328.TagResource", "application/x-amz-json-1.1", SIGNED, "{}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).contains("UnknownOperationException");
    }

    @Test
    void refusesOtherContentTypes() throws IOException
    {
        Answer answer = post("Logs_20140328.CreateLogGroup", "application/json", SIGNED, "{\"logGroupName\":\"/g\"}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).contains("SerializationException");
    }

    @Test
    void refusesMalformedJson() throws IOException
    {
        Answer answer = post("Logs_20140328.CreateLogGroup", "application/x-amz-json-1.1", SIGNED,
                "{\"logGroupName\":\"/g\"");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).contains("SerializationException");
    }

    @Test
    void refusesDuplicateKeys() throws IOException
    {
        Answer answer = post("Logs_20140328.CreateLogGroup", "application/x-amz-json-1.1", SIGNED,
                "{\"logGroupName\":\"/g\",\"logGroupName\":\"/h\"}");

        assertThat(answer.body).contains("SerializationException");
    }

    @Test
    void refusesMissingRequiredMemberAsInvalidParameter() throws IOException
    {
        Answer answer = post("Logs_20140328.PutLogEvents", "application/x-amz-json-1.1", SIGNED,
                "{\"logGroupName\":\"/g\",\"logStreamName\":\"s\"}");

        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body).contains("InvalidParameterException").contains("logEvents");
    }

    @Test
    void decodesALoneSurrogateEscapeAndCountsIt() throws IOException
    {
        server.createLogGroup("/g");
        server.createLogStream("/g", "s");

        Answer answer = post("Logs_20140328.PutLogEvents", "application/x-amz-json-1.1", SIGNED,
                "{\"logGroupName\":\"/g\",\"logStreamName\":\"s\",\"logEvents\":[{\"timestamp\":"
                        + System.currentTimeMillis() + ",\"message\":\"a\\uD800b\"}]}");

        assertThat(answer.status).isEqualTo(200);
        assertThat(server.invalidUtf16Messages()).isEqualTo(1);
        assertThat(server.storedEvents()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("a\uD800b"));
    }
}
