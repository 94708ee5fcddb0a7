package io.github.cwlappender.core.internal;

import io.github.cwlappender.core.EngineConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Decides where the engine's credentials and region come from, in the order a reader expects: the caller's provider,
 * else the {@code credentialsProviderFactory}'s, else the {@code profile}, else the SDK's default chain (environment,
 * system properties, web identity, profiles with {@code role_arn} or SSO, container and instance roles). With
 * {@code roleArn} those base credentials assume the role through STS, refreshed before the session expires. Closes
 * what it built when the engine stops.
 */
final class Credentials implements AutoCloseable
{
    private final List<AutoCloseable> built = new ArrayList<>();
    private final AwsCredentialsProvider provider;
    private final Region region;

    Credentials(EngineConfig config, Duration requestTimeout)
    {
        this.region = region(config);
        AwsCredentialsProvider base = base(config);
        this.provider = config.roleArn() == null ? base : assumeRole(config, base, requestTimeout);
    }

    /** The provider to sign with; never null (the SDK's default chain when nothing else is configured). */
    AwsCredentialsProvider provider()
    {
        return provider;
    }

    /** The configured region, else the named profile's, else null for the SDK's own region chain. */
    Region region()
    {
        return region;
    }

    @Override
    public void close()
    {
        for (AutoCloseable closeable : built)
        {
            try
            {
                closeable.close();
            }
            catch (Exception ignored)
            {
                // Closing at shutdown: nothing useful to do with a failure.
            }
        }
    }

    private static Region region(EngineConfig config)
    {
        if (config.region() != null)
        {
            return Region.of(config.region());
        }
        if (config.profile() != null)
        {
            try
            {
                return DefaultAwsRegionProviderChain.builder().profileName(config.profile()).build().getRegion();
            }
            catch (RuntimeException noRegionAnywhere)
            {
                return null; // the client builder reports it, as it would without a profile
            }
        }
        return null;
    }

    private AwsCredentialsProvider base(EngineConfig config)
    {
        if (config.credentialsProvider() != null)
        {
            return config.credentialsProvider();
        }
        if (config.credentialsProviderFactory() != null)
        {
            return own(config.credentialsProviderFactory().create(config));
        }
        if (config.profile() != null)
        {
            return own(ProfileCredentialsProvider.builder().profileName(config.profile()).build());
        }
        // A chain of our own rather than the SDK's shared one, so that closing it at stop affects no one else.
        return own(DefaultCredentialsProvider.builder().build());
    }

    private AwsCredentialsProvider assumeRole(EngineConfig config, AwsCredentialsProvider base,
            Duration requestTimeout)
    {
        StsClientBuilder sts = StsClient.builder()
                .credentialsProvider(base)
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(requestTimeout)
                        .socketTimeout(requestTimeout).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallAttemptTimeout(requestTimeout));
        if (region != null)
        {
            sts.region(region);
        }
        StsClient client = own(sts.build());
        String sessionName = config.roleSessionName() != null ? config.roleSessionName() : sessionName(config);
        return own(StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client)
                .refreshRequest(r -> r.roleArn(config.roleArn()).roleSessionName(sessionName)
                        .externalId(config.externalId()))
                .build());
    }

    // STS allows [\w+=,.@-]{2,64}; the appender's name may hold anything.
    private static String sessionName(EngineConfig config)
    {
        String name = ("cwl-appender-" + config.name()).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private <T> T own(T made)
    {
        if (made instanceof AutoCloseable)
        {
            built.add((AutoCloseable) made);
        }
        return made;
    }
}
