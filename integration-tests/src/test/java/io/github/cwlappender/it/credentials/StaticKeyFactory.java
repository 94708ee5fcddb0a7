package io.github.cwlappender.it.credentials;

import io.github.cwlappender.core.CredentialsProviderFactory;
import io.github.cwlappender.core.EngineConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A user's own credentials, named by class in the {@code credentialsProviderFactory} option. */
public final class StaticKeyFactory implements CredentialsProviderFactory
{
    static final String ACCESS_KEY_ID = "AKIDFROMFACTORY";

    @Override
    public AwsCredentialsProvider create(EngineConfig config)
    {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, "factory-secret"));
    }
}
