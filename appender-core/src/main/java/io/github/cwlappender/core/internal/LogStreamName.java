package io.github.cwlappender.core.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Expands the tokens a log stream name may use. Reads no network: the host name comes from the environment. */
public final class LogStreamName
{
    private static final DateTimeFormatter STARTUP_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private LogStreamName()
    {
    }

    public static String expand(String template)
    {
        String result = template;
        if (result.contains("{hostname}"))
        {
            result = result.replace("{hostname}", hostname());
        }
        if (result.contains("{pid}"))
        {
            result = result.replace("{pid}", Long.toString(ProcessHandle.current().pid()));
        }
        if (result.contains("{startupTimestamp}"))
        {
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            result = result.replace("{startupTimestamp}", STARTUP_FORMAT.format(Instant.ofEpochMilli(start)));
        }
        if (result.contains("{uuid}"))
        {
            result = result.replace("{uuid}", UUID.randomUUID().toString());
        }
        return result;
    }

    private static String hostname()
    {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"})
        {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank())
            {
                return sanitize(value.trim());
            }
        }
        try
        {
            // Reads /etc/hostname-style local configuration; no DNS lookup of other hosts.
            return sanitize(java.net.InetAddress.getLocalHost().getHostName());
        }
        catch (java.io.IOException | SecurityException e)
        {
            return "unknown-host";
        }
    }

    private static String sanitize(String name)
    {
        return name.replace(':', '_').replace('*', '_');
    }
}
