package io.github.cwlappender.core.internal.naming;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The values known on this machine without the network: host name, process id, a UUID, the JVM's start time,
 * environment variables, system properties and the Kubernetes pod and namespace. Unsanitized.
 */
public final class LocalValues
{
    /** Where Kubernetes mounts the pod's namespace for its service account. */
    public static final String K8S_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    private static final DateTimeFormatter STARTUP_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;
    private final Path namespaceFile;
    private final LongSupplier startMillis;
    private String uuid;

    public LocalValues(Function<String, String> environment, Function<String, String> systemProperties,
            Path namespaceFile, LongSupplier startMillis)
    {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.namespaceFile = namespaceFile;
        this.startMillis = startMillis;
    }

    /** This process's environment, system properties and start time. */
    public static LocalValues system()
    {
        return new LocalValues(System::getenv, System::getProperty, Paths.get(K8S_NAMESPACE_FILE),
                () -> ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** The value of a token resolved at configuration; never null. */
    public String value(NameTemplate.Token token)
    {
        switch (token.substitution())
        {
            case HOSTNAME:
                return hostname();
            case PID:
                return Long.toString(ProcessHandle.current().pid());
            case UUID:
                return uuid();
            case STARTUP_TIMESTAMP:
                return STARTUP_FORMAT.format(Instant.ofEpochMilli(startMillis.getAsLong()));
            case ENV:
                return orDefault(environment.apply(token.variable()), token);
            case SYSPROP:
                return orDefault(systemProperties.apply(token.variable()), token);
            case K8S_POD_NAME:
                return podName();
            case K8S_NAMESPACE:
                return namespace();
            default:
                throw new IllegalArgumentException(token + " is not known at configuration");
        }
    }

    /** One UUID for everything this instance expands. */
    private synchronized String uuid()
    {
        if (uuid == null)
        {
            uuid = java.util.UUID.randomUUID().toString();
        }
        return uuid;
    }

    private String hostname()
    {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"})
        {
            String value = nonBlank(environment.apply(variable));
            if (value != null)
            {
                return value;
            }
        }
        try
        {
            // The local configuration's name for this host; no look-up of any other host.
            return InetAddress.getLocalHost().getHostName();
        }
        catch (IOException | SecurityException e)
        {
            return Substitution.HOSTNAME.fallback();
        }
    }

    /**
     * The downward API's conventional {@code POD_NAME}; else, inside Kubernetes (which sets
     * {@code KUBERNETES_SERVICE_HOST}), {@code HOSTNAME}, which is the pod's name unless the pod spec sets one.
     */
    private String podName()
    {
        String value = nonBlank(environment.apply("POD_NAME"));
        if (value == null && nonBlank(environment.apply("KUBERNETES_SERVICE_HOST")) != null)
        {
            value = nonBlank(environment.apply("HOSTNAME"));
        }
        return value == null ? Substitution.K8S_POD_NAME.fallback() : value;
    }

    /** The downward API's conventional {@code POD_NAMESPACE}; else the service account's namespace file. */
    private String namespace()
    {
        String value = nonBlank(environment.apply("POD_NAMESPACE"));
        if (value == null && namespaceFile != null)
        {
            try
            {
                value = nonBlank(new String(Files.readAllBytes(namespaceFile), StandardCharsets.UTF_8));
            }
            catch (IOException | SecurityException | java.nio.file.InvalidPathException e)
            {
                value = null;
            }
        }
        return value == null ? Substitution.K8S_NAMESPACE.fallback() : value;
    }

    private static String orDefault(String value, NameTemplate.Token token)
    {
        if (value != null && !value.isEmpty())
        {
            return value;
        }
        return token.defaultValue() != null ? token.defaultValue() : token.substitution().fallback();
    }

    private static String nonBlank(String value)
    {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }
}
