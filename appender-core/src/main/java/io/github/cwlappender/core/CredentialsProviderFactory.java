package io.github.cwlappender.core;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Supplies the credentials provider for an appender, named by class in the {@code credentialsProviderFactory}
 * option, so that credentials of your own making can be configured from XML. The class needs a public no-argument
 * constructor; it is loaded and created when the appender starts (a class that cannot be is a configuration error
 * naming it), and {@link #create(EngineConfig)} is called later, on the appender's own thread, when it first builds
 * its client. A provider that is also {@code AutoCloseable} is closed when the appender stops.
 *
 * <p>With {@code roleArn} set, the provider's credentials are the ones that assume the role.
 *
 * @since 0.1.0
 */
public interface CredentialsProviderFactory
{
    /** Returns the provider to sign requests with; {@code config} is the appender's validated configuration. */
    AwsCredentialsProvider create(EngineConfig config);
}
