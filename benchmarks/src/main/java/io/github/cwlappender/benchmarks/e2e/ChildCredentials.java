package io.github.cwlappender.benchmarks.e2e;

import java.util.List;
import java.util.Map;

/**
 * The dummy keys and the settings every child JVM gets, so that each SDK finds credentials and a region in its
 * default chain and none of them asks an instance-metadata service (the strict endpoint checks only that requests
 * are signed).
 */
final class ChildCredentials
{
    static final String ACCESS_KEY_ID = "AKIDBENCHMARKFAKE";
    static final String SECRET_ACCESS_KEY = "benchmark-secret-not-real";
    static final String REGION = "us-east-1";

    private ChildCredentials()
    {
    }

    /** System properties for the SDK v2 and v1 default chains. */
    static List<String> systemProperties()
    {
        return List.of(
                "-Daws.accessKeyId=" + ACCESS_KEY_ID,
                "-Daws.secretAccessKey=" + SECRET_ACCESS_KEY,
                "-Daws.secretKey=" + SECRET_ACCESS_KEY,
                "-Daws.region=" + REGION,
                "-Daws.disableEc2Metadata=true",
                "-Dcom.amazonaws.sdk.disableEc2Metadata=true",
                "-Daws.java.v1.disableDeprecationAnnouncement=true");
    }

    /** Environment for the same chains; a profile or role of the machine running the benchmark is not used. */
    static void applyTo(Map<String, String> environment)
    {
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
    }
}
