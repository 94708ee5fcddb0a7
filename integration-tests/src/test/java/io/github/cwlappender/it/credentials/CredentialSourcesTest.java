package io.github.cwlappender.it.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.testsupport.fake.FakeSsoPortalServer;
import io.github.cwlappender.testsupport.fake.FakeStsServer;
import io.github.cwlappender.testsupport.fake.StrictCloudWatchLogsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the credentials come from, as AWS users set them up, each in a JVM of its own against loopback fakes of STS
 * and CloudWatch Logs. The proof in each case: the CloudWatch Logs fake received every event, signed with the access
 * key that the expected source handed out.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CredentialSourcesTest
{
    private static final String ROLE = "arn:aws:iam::123456789012:role/log-writer";

    private final StrictCloudWatchLogsServer logs = StrictCloudWatchLogsServer.start();
    private final FakeStsServer sts = FakeStsServer.start();

    @TempDir
    Path dir;

    @AfterEach
    void stop()
    {
        logs.close();
        sts.close();
    }

    @Test
    void theDefaultChainAssumesTheWebIdentityRoleFromTheEnvironmentAsOnEksWithIrsa() throws Exception
    {
        Path token = Files.write(dir.resolve("token"), "eyJ.fake-oidc-token.sig".getBytes(StandardCharsets.UTF_8));

        ChildEngine.Result result = child()
                .env("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString())
                .env("AWS_ROLE_ARN", ROLE)
                .env("AWS_ROLE_SESSION_NAME", "irsa-session")
                .env("AWS_REGION", "us-east-1") // EKS injects it with the token; the chain's STS client needs it
                .env("AWS_ENDPOINT_URL_STS", sts.endpoint())
                .run();

        assertThat(result.exitCode).as("%s", result).isZero();
        List<FakeStsServer.Call> calls = sts.calls();
        assertThat(calls).as("STS calls").isNotEmpty()
                .allSatisfy(call -> assertThat(call.action()).isEqualTo("AssumeRoleWithWebIdentity"));
        assertThat(calls.get(0).parameters()).containsEntry("RoleArn", ROLE)
                .containsEntry("WebIdentityToken", "eyJ.fake-oidc-token.sig")
                .containsEntry("RoleSessionName", "irsa-session");
        assertEverythingSignedBy(issuedKeys(calls));
    }

    @Test
    void roleArnAssumesTheRoleWithTheBaseCredentialsAndExternalId() throws Exception
    {
        ChildEngine.Result result = child()
                .property("aws.accessKeyId", "AKIDBASEUSER")
                .property("aws.secretAccessKey", "base-secret")
                .property("aws.endpointUrlSts", sts.endpoint())
                .option("roleArn", ROLE)
                .option("externalId", "ext-42")
                .run();

        assertThat(result.exitCode).as("%s", result).isZero();
        List<FakeStsServer.Call> calls = sts.calls();
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.action()).isEqualTo("AssumeRole");
            assertThat(call.signingAccessKeyId()).isEqualTo("AKIDBASEUSER");
            assertThat(call.parameters()).containsEntry("RoleArn", ROLE).containsEntry("ExternalId", "ext-42")
                    .containsEntry("RoleSessionName", "cwl-appender-credentials-child");
        });
        assertEverythingSignedBy(issuedKeys(calls));
    }

    @Test
    void roleCredentialsAreRefreshedBeforeTheyExpire() throws Exception
    {
        // Shorter than the SDK's refresh margin: each use of the session must assume the role again.
        sts.setCredentialLifetime(Duration.ofSeconds(30));

        ChildEngine.Result result = child()
                .property("aws.accessKeyId", "AKIDBASEUSER")
                .property("aws.secretAccessKey", "base-secret")
                .property("aws.endpointUrlSts", sts.endpoint())
                .option("roleArn", ROLE)
                .run();

        assertThat(result.exitCode).as("%s", result).isZero();
        List<String> issued = issuedKeys(sts.calls());
        assertThat(issued).as("sessions assumed").hasSizeGreaterThanOrEqualTo(2);
        assertThat(logs.accessKeyIds()).as("keys that signed PutLogEvents").hasSizeGreaterThanOrEqualTo(2);
        assertEverythingSignedBy(issued);
    }

    @Test
    void aRoleThatCannotBeAssumedIsReportedAsACredentialsErrorAndNothingIsSent() throws Exception
    {
        sts.refuseEveryCall();

        ChildEngine.Result result = child()
                .property("aws.accessKeyId", "AKIDBASEUSER")
                .property("aws.secretAccessKey", "base-secret")
                .property("aws.endpointUrlSts", sts.endpoint())
                .option("roleArn", ROLE)
                .option("retryTimeoutMillis", "1000")
                .run();

        assertThat(result.exitCode).as("%s", result).isEqualTo(1);
        assertThat(result.output).contains("PutLogEvents is refused").contains("AccessDenied")
                .contains("check the credentials").contains("delivered=0");
        assertThat(sts.calls()).isNotEmpty();
        assertThat(logs.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS)).isZero();
    }

    @Test
    void profileTakesCredentialsAndRegionFromTheNamedProfile() throws Exception
    {
        Files.write(dir.resolve("config"), ("[profile ops]\nregion = eu-west-3\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("credentials"), ("[default]\naws_access_key_id = AKIDDEFAULTPROFILE\n"
                + "aws_secret_access_key = d\n[ops]\naws_access_key_id = AKIDOPSPROFILE\n"
                + "aws_secret_access_key = o\n").getBytes(StandardCharsets.UTF_8));

        ChildEngine.Result result = child().option("region", "").option("profile", "ops").run();

        assertThat(result.exitCode).as("%s", result).isZero();
        assertThat(logs.accessKeyIds()).containsExactly("AKIDOPSPROFILE");
        assertThat(logs.signingRegions()).containsExactly("eu-west-3");
        assertThat(sts.calls()).isEmpty();
    }

    @Test
    void aProfileWithRoleArnAndSourceProfileAssumesItsRoleThroughSts() throws Exception
    {
        Files.write(dir.resolve("config"), ("[profile writer]\nrole_arn = " + ROLE
                + "\nsource_profile = base\nregion = us-east-1\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("credentials"), ("[base]\naws_access_key_id = AKIDSOURCEPROFILE\n"
                + "aws_secret_access_key = s\n").getBytes(StandardCharsets.UTF_8));

        ChildEngine.Result result = child().property("aws.endpointUrlSts", sts.endpoint())
                .env("AWS_PROFILE", "writer").run();

        assertThat(result.exitCode).as("%s", result).isZero();
        List<FakeStsServer.Call> calls = sts.calls();
        assertThat(calls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.action()).isEqualTo("AssumeRole");
            assertThat(call.signingAccessKeyId()).isEqualTo("AKIDSOURCEPROFILE");
        });
        assertEverythingSignedBy(issuedKeys(calls));
    }

    @Test
    void credentialsProviderFactoryNamedInConfigurationSignsTheRequests() throws Exception
    {
        ChildEngine.Result result = child().option("credentialsProviderFactory", StaticKeyFactory.class.getName())
                .run();

        assertThat(result.exitCode).as("%s", result).isZero();
        assertThat(logs.accessKeyIds()).containsExactly(StaticKeyFactory.ACCESS_KEY_ID);
    }

    @Test
    void clientFactoryNamedInConfigurationBuildsTheClient() throws Exception
    {
        ChildEngine.Result result = child().option("clientFactory", LoopbackClientFactory.class.getName()).run();

        assertThat(result.exitCode).as("%s", result).isZero();
        assertThat(logs.accessKeyIds()).containsExactly(LoopbackClientFactory.ACCESS_KEY_ID);
    }

    private ChildEngine child() throws IOException
    {
        return new ChildEngine(dir).option("logGroup", "/test/credentials").option("logStream", "child")
                .option("endpoint", logs.endpoint()).option("region", logs.region()).option("lingerMillis", "50");
    }

    private static List<String> issuedKeys(List<FakeStsServer.Call> calls)
    {
        return calls.stream().map(FakeStsServer.Call::issuedAccessKeyId).collect(Collectors.toList());
    }

    private void assertEverythingSignedBy(List<String> issuedKeys)
    {
        assertThat(logs.storedEvents("/test/credentials", "child")).hasSize(CredentialsChild.ROUNDS
                * CredentialsChild.EVENTS);
        assertThat(logs.accessKeyIds()).as("access keys that signed CloudWatch Logs requests").isNotEmpty()
                .allSatisfy(key -> assertThat(key).startsWith(FakeStsServer.ISSUED_KEY_PREFIX))
                .isSubsetOf(issuedKeys);
    }

    // SSO (IAM Identity Center) profiles: what `aws configure sso` writes to the config file and `aws sso login`
    // caches under ~/.aws/sso/cache, with the portal and the SSO OIDC service both played by a loopback fake.

    private static final String SSO_TOKEN = "aoaFakeSsoAccessToken";
    private static final String SSO_ACCOUNT = "111122223333";
    private static final String SSO_ROLE = "LogWriterAccess";
    private static final String SSO_START_URL = "https://my-org.awsapps.com/start";

    @Test
    void anSsoProfileTakesRoleCredentialsFromThePortalWithTheCachedToken() throws Exception
    {
        try (FakeSsoPortalServer portal = FakeSsoPortalServer.start(SSO_TOKEN))
        {
            writeSsoSessionConfig();
            Path home = cacheSsoToken("my-sso", ssoSessionToken(SSO_TOKEN, Instant.now().plus(Duration.ofHours(8))));

            ChildEngine.Result result = ssoChild(portal, home).env("AWS_PROFILE", "sso-dev").run();

            assertThat(result.exitCode).as("%s", result).isZero();
            assertThePortalIssuedEverything(portal.calls());
        }
    }

    @Test
    void aLegacySsoProfileNamedByTheProfileOptionFindsItsTokenByTheStartUrl() throws Exception
    {
        try (FakeSsoPortalServer portal = FakeSsoPortalServer.start(SSO_TOKEN))
        {
            Files.write(dir.resolve("config"), ("[profile sso-legacy]\nsso_start_url = " + SSO_START_URL
                    + "\nsso_region = eu-west-1\nsso_account_id = " + SSO_ACCOUNT + "\nsso_role_name = " + SSO_ROLE
                    + "\n").getBytes(StandardCharsets.UTF_8));
            Path home = cacheSsoToken(SSO_START_URL, "{\"startUrl\": \"" + SSO_START_URL + "\", \"region\": "
                    + "\"eu-west-1\", \"accessToken\": \"" + SSO_TOKEN + "\", \"expiresAt\": \""
                    + Instant.now().plus(Duration.ofHours(8)) + "\"}");

            ChildEngine.Result result = ssoChild(portal, home).option("profile", "sso-legacy").run();

            assertThat(result.exitCode).as("%s", result).isZero();
            assertThePortalIssuedEverything(portal.calls());
        }
    }

    @Test
    void anSsoTokenThePortalRefusesIsReportedAsACredentialsErrorAndNothingIsSent() throws Exception
    {
        try (FakeSsoPortalServer portal = FakeSsoPortalServer.start(SSO_TOKEN))
        {
            writeSsoSessionConfig();
            Path home = cacheSsoToken("my-sso", ssoSessionToken("aoaTokenOfAnEndedSession",
                    Instant.now().plus(Duration.ofHours(8))));

            ChildEngine.Result result = ssoChild(portal, home).env("AWS_PROFILE", "sso-dev")
                    .option("retryTimeoutMillis", "1000").run();

            assertThat(result.exitCode).as("%s", result).isEqualTo(1);
            assertThat(result.output).contains("check the credentials").contains("Session token not found or invalid")
                    .contains("delivered=0");
            assertThat(portal.calls()).as("requests to the portal").isNotEmpty().allSatisfy(call -> {
                assertThat(call.isGetRoleCredentials()).isTrue();
                assertThat(call.bearerToken()).isEqualTo("aoaTokenOfAnEndedSession");
                assertThat(call.issuedAccessKeyId()).isNull();
            });
            assertThat(logs.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS)).isZero();
            assertThat(sts.calls()).isEmpty();
        }
    }

    @Test
    void anExpiredSsoTokenIsReportedAsACredentialsErrorAndNoRoleCredentialsAreAskedFor() throws Exception
    {
        try (FakeSsoPortalServer portal = FakeSsoPortalServer.start(SSO_TOKEN))
        {
            writeSsoSessionConfig();
            // Expired, so the SDK first tries to renew it with its refresh token (SSO OIDC CreateToken, refused here).
            Path home = cacheSsoToken("my-sso", ssoSessionToken(SSO_TOKEN, Instant.now().minus(Duration.ofHours(1))));

            ChildEngine.Result result = ssoChild(portal, home).env("AWS_PROFILE", "sso-dev")
                    .option("retryTimeoutMillis", "1000").run();

            assertThat(result.exitCode).as("%s", result).isEqualTo(1);
            assertThat(result.output).contains("check the credentials").contains("aws sso login")
                    .contains("delivered=0");
            assertThat(portal.calls()).as("requests to the portal and SSO OIDC")
                    .noneSatisfy(call -> assertThat(call.isGetRoleCredentials()).isTrue());
            assertThat(logs.requests(StrictCloudWatchLogsServer.PUT_LOG_EVENTS)).isZero();
            assertThat(sts.calls()).isEmpty();
        }
    }

    private void writeSsoSessionConfig() throws IOException
    {
        Files.write(dir.resolve("config"), ("[profile sso-dev]\nsso_session = my-sso\nsso_account_id = " + SSO_ACCOUNT
                + "\nsso_role_name = " + SSO_ROLE + "\nregion = us-east-1\n\n[sso-session my-sso]\nsso_start_url = "
                + SSO_START_URL + "\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The token cache entry of an {@code sso_session} login, with the fields the CLI writes to renew it. */
    private static String ssoSessionToken(String accessToken, Instant expiresAt)
    {
        return "{\"startUrl\": \"" + SSO_START_URL + "\", \"region\": \"eu-west-1\", \"accessToken\": \""
                + accessToken + "\", \"expiresAt\": \"" + expiresAt + "\", \"clientId\": \"fake-client-id\", "
                + "\"clientSecret\": \"fake-client-secret\", \"registrationExpiresAt\": \""
                + Instant.now().plus(Duration.ofDays(30)) + "\", \"refreshToken\": \"fake-refresh-token\"}";
    }

    /**
     * Writes {@code json} where the SDK looks for a cached SSO token, under a home directory of the test's own: named
     * by the SHA-1 of the session name (or of the start URL for a profile without {@code sso_session}).
     */
    private Path cacheSsoToken(String sessionNameOrStartUrl, String json) throws Exception
    {
        Path cache = Files.createDirectories(dir.resolve("home").resolve(".aws").resolve("sso").resolve("cache"));
        StringBuilder name = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-1").digest(sessionNameOrStartUrl
                .getBytes(StandardCharsets.UTF_8)))
        {
            name.append(String.format("%02x", b));
        }
        Files.write(cache.resolve(name + ".json"), json.getBytes(StandardCharsets.UTF_8));
        return dir.resolve("home");
    }

    /**
     * The SDK finds the token cache through HOME (then {@code user.home}); the portal and SSO OIDC endpoints, and STS
     * in case anything asked it, are the loopback fakes, so nothing leaves the machine.
     */
    private ChildEngine ssoChild(FakeSsoPortalServer portal, Path home) throws IOException
    {
        return child().env("HOME", home.toString()).property("user.home", home.toString())
                .property("aws.endpointUrlSso", portal.endpoint())
                .property("aws.endpointUrlSsoOidc", portal.endpoint())
                .property("aws.endpointUrlSts", sts.endpoint());
    }

    private void assertThePortalIssuedEverything(List<FakeSsoPortalServer.Call> calls)
    {
        assertThat(calls).as("requests to the portal").isNotEmpty().allSatisfy(call -> {
            assertThat(call.isGetRoleCredentials()).as("%s", call).isTrue();
            assertThat(call.accountId()).isEqualTo(SSO_ACCOUNT);
            assertThat(call.roleName()).isEqualTo(SSO_ROLE);
            assertThat(call.bearerToken()).isEqualTo(SSO_TOKEN);
            assertThat(call.issuedAccessKeyId()).startsWith(FakeSsoPortalServer.ISSUED_KEY_PREFIX);
        });
        List<String> issued = calls.stream().map(FakeSsoPortalServer.Call::issuedAccessKeyId)
                .collect(Collectors.toList());
        assertThat(logs.storedEvents("/test/credentials", "child")).hasSize(CredentialsChild.ROUNDS
                * CredentialsChild.EVENTS);
        assertThat(logs.accessKeyIds()).as("access keys that signed CloudWatch Logs requests").isNotEmpty()
                .allSatisfy(key -> assertThat(key).startsWith(FakeSsoPortalServer.ISSUED_KEY_PREFIX))
                .isSubsetOf(issued);
        assertThat(sts.calls()).as("STS calls").isEmpty();
    }
}
