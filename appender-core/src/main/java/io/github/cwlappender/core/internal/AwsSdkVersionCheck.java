package io.github.cwlappender.core.internal;

/**
 * Keeps an engine from starting on an AWS SDK for Java 2.x older than the oldest release it works with. Without
 * this check such an SDK shows up later, on a sender thread, as a missing class or method; with it the user reads
 * one error at start that names the version found and the version required.
 */
public final class AwsSdkVersionCheck
{
    /**
     * The oldest SDK release the engine works with: the first one with retry strategies
     * ({@code AwsRetryStrategy}), which the engine's client is built with.
     */
    public static final String OLDEST_SUPPORTED = "2.26.0";

    private static final String VERSION_CLASS = "software.amazon.awssdk.core.util.VersionInfo";

    private AwsSdkVersionCheck()
    {
    }

    /**
     * True if the SDK on the class path is new enough (or its version cannot be read: then nothing is known to be
     * wrong). Otherwise reports why as an error and returns false; the engine then stays stopped, and every event
     * offered to it is counted as dropped.
     */
    public static boolean allowsStart(StatusReporter status)
    {
        String problem = problem(installedVersion());
        if (problem == null)
        {
            return true;
        }
        status.error(problem);
        return false;
    }

    /** Null when {@code found} is {@link #OLDEST_SUPPORTED} or newer, or unknown (null); else what to tell the user. */
    public static String problem(String found)
    {
        if (found == null || compare(found, OLDEST_SUPPORTED) >= 0)
        {
            return null;
        }
        return "not started: the AWS SDK for Java on the class path is version " + found + ", and this appender needs "
                + OLDEST_SUPPORTED + " or newer. Upgrade the software.amazon.awssdk modules (all to one version, for"
                + " example with the software.amazon.awssdk:bom) to " + OLDEST_SUPPORTED + " or newer; events sent to"
                + " this appender are dropped until then";
    }

    /**
     * The version of the SDK's core module on the class path, or null if it cannot be read. Read reflectively at run
     * time: {@code VersionInfo.SDK_VERSION} is a compile-time constant, so naming it in code would give the version
     * this library was built against, not the one the application runs with.
     */
    public static String installedVersion()
    {
        try
        {
            Object value = Class.forName(VERSION_CLASS, false, AwsSdkVersionCheck.class.getClassLoader())
                    .getField("SDK_VERSION").get(null);
            return value instanceof String ? (String) value : null;
        }
        catch (ReflectiveOperationException | LinkageError | RuntimeException e)
        {
            return null;
        }
    }

    /** Compares dotted versions by their numbers ("2.9.1" before "2.26.0"); a suffix such as "-SNAPSHOT" is ignored. */
    static int compare(String a, String b)
    {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++)
        {
            int difference = Long.compare(number(left, i), number(right, i));
            if (difference != 0)
            {
                return difference;
            }
        }
        return 0;
    }

    /** The leading digits of part {@code index}, or 0 when there is no such part or it starts with no digit. */
    private static long number(String[] parts, int index)
    {
        if (index >= parts.length)
        {
            return 0;
        }
        String part = parts[index].trim();
        int end = 0;
        while (end < part.length() && end < 18 && Character.isDigit(part.charAt(end)))
        {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
    }
}
