package io.github.cwlappender.core.internal.naming;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the values of a name come from at run time: the clock behind {@code {date}}, the local values, and the
 * metadata endpoints with their time limits. {@link #system()} reads the process's settings; tests build their own,
 * pointing at loopback fakes.
 *
 * <p>System properties and environment variables read by {@link #system()}:
 * <ul>
 * <li>{@code cwl.imdsEndpoint}, then the SDK's {@code aws.ec2MetadataServiceEndpoint} /
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}: the instance metadata service, default
 * {@value #DEFAULT_IMDS_ENDPOINT};</li>
 * <li>the SDK's {@code aws.disableEc2Metadata} / {@code AWS_EC2_METADATA_DISABLED} set to {@code true}: never ask
 * the instance metadata service;</li>
 * <li>{@code cwl.ecsMetadataUri}, then {@code ECS_CONTAINER_METADATA_URI_V4}: the ECS task metadata endpoint;
 * without either the process is not on ECS and nothing is asked.</li>
 * </ul>
 */
public final class NameSources
{
    public static final String DEFAULT_IMDS_ENDPOINT = "http://169.254.169.254";
    /** Connect and read limit of one metadata request. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 1000;
    /** Limit of all metadata requests of one start together. */
    public static final long DEFAULT_TOTAL_TIMEOUT_MILLIS = 2000;

    private final Clock clock;
    private final LocalValues local;
    private final Function<String, String> environment;
    private final URI imdsEndpoint;
    private final String ecsMetadataUri;
    private final long requestTimeoutMillis;
    private final long totalTimeoutMillis;

    /**
     * @param imdsEndpoint null to never ask the instance metadata service
     * @param ecsMetadataUri null when not on ECS
     */
    public NameSources(Clock clock, LocalValues local, Function<String, String> environment, URI imdsEndpoint,
            String ecsMetadataUri, long requestTimeoutMillis, long totalTimeoutMillis)
    {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.local = Objects.requireNonNull(local, "local");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.imdsEndpoint = imdsEndpoint;
        this.ecsMetadataUri = ecsMetadataUri;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.totalTimeoutMillis = totalTimeoutMillis;
    }

    /** This process's clock, environment and settings (see the class comment). */
    public static NameSources system()
    {
        return new NameSources(Clock.systemUTC(), LocalValues.system(), System::getenv, systemImdsEndpoint(),
                firstSet(System.getProperty("cwl.ecsMetadataUri"), System.getenv("ECS_CONTAINER_METADATA_URI_V4")),
                DEFAULT_REQUEST_TIMEOUT_MILLIS, DEFAULT_TOTAL_TIMEOUT_MILLIS);
    }

    /** The same sources with another clock. */
    public NameSources withClock(Clock other)
    {
        return new NameSources(other, local, environment, imdsEndpoint, ecsMetadataUri, requestTimeoutMillis,
                totalTimeoutMillis);
    }

    private static URI systemImdsEndpoint()
    {
        String disabled = firstSet(System.getProperty("aws.disableEc2Metadata"),
                System.getenv("AWS_EC2_METADATA_DISABLED"));
        if (disabled != null && disabled.trim().toLowerCase(Locale.ROOT).equals("true"))
        {
            return null;
        }
        String endpoint = firstSet(System.getProperty("cwl.imdsEndpoint"),
                System.getProperty("aws.ec2MetadataServiceEndpoint"),
                System.getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT"));
        try
        {
            return URI.create(endpoint == null ? DEFAULT_IMDS_ENDPOINT : endpoint.trim());
        }
        catch (IllegalArgumentException e)
        {
            return null;
        }
    }

    private static String firstSet(String... values)
    {
        for (String value : values)
        {
            if (value != null && !value.trim().isEmpty())
            {
                return value.trim();
            }
        }
        return null;
    }

    Clock clock()
    {
        return clock;
    }

    LocalValues local()
    {
        return local;
    }

    /** An environment variable, or null. */
    String environment(String name)
    {
        return environment.apply(name);
    }

    /** Null when the instance metadata service must not be asked. */
    URI imdsEndpoint()
    {
        return imdsEndpoint;
    }

    /** Null when not on ECS. */
    String ecsMetadataUri()
    {
        return ecsMetadataUri;
    }

    MetadataHttp newHttp()
    {
        return new MetadataHttp(requestTimeoutMillis, totalTimeoutMillis);
    }
}
