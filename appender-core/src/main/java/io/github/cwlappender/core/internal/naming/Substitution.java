package io.github.cwlappender.core.internal.naming;

/**
 * Every {@code {token}} a log group or log stream name may use, when its value is known, and what stands in for it
 * when it cannot be found.
 */
public enum Substitution
{
    /** The UTC day, {@code yyyy-MM-dd}, read for each batch: the name rolls over at midnight. */
    DATE("date", Resolved.EACH_BATCH, null),
    HOSTNAME("hostname", Resolved.AT_CONFIGURATION, "unknown-host"),
    PID("pid", Resolved.AT_CONFIGURATION, null),
    /** A random UUID, drawn once for each time the names are expanded (per configuration, per engine). */
    UUID("uuid", Resolved.AT_CONFIGURATION, null),
    STARTUP_TIMESTAMP("startupTimestamp", Resolved.AT_CONFIGURATION, null),
    /** {@code {env:NAME}} or {@code {env:NAME:default}}; empty when unset and no default is given. */
    ENV("env", Resolved.AT_CONFIGURATION, ""),
    /** {@code {sysprop:NAME}} or {@code {sysprop:NAME:default}}; empty when unset and no default is given. */
    SYSPROP("sysprop", Resolved.AT_CONFIGURATION, ""),
    K8S_POD_NAME("k8s:podName", Resolved.AT_CONFIGURATION, "unknown-pod"),
    K8S_NAMESPACE("k8s:namespace", Resolved.AT_CONFIGURATION, "unknown-namespace"),
    EC2_INSTANCE_ID("ec2:instanceId", Resolved.AT_WARM_START, "unknown-instance"),
    EC2_REGION("ec2:region", Resolved.AT_WARM_START, "unknown-region"),
    ECS_TASK_ID("ecs:taskId", Resolved.AT_WARM_START, "unknown-task"),
    ECS_CLUSTER("ecs:cluster", Resolved.AT_WARM_START, "unknown-cluster"),
    ECS_CONTAINER_NAME("ecs:containerName", Resolved.AT_WARM_START, "unknown-container"),
    AWS_ACCOUNT_ID("aws:accountId", Resolved.AT_WARM_START, "unknown-account");

    /** When a token's value becomes known. */
    public enum Resolved
    {
        /** While the options are validated: local, cheap, no network. */
        AT_CONFIGURATION,
        /** On the sender thread before the first batch, from the EC2 or ECS metadata endpoints. */
        AT_WARM_START,
        /** Again for every batch. */
        EACH_BATCH
    }

    private final String key;
    private final Resolved resolved;
    private final String fallback;

    Substitution(String key, Resolved resolved, String fallback)
    {
        this.key = key;
        this.resolved = resolved;
        this.fallback = fallback;
    }

    /** What is written between the braces ({@code env} and {@code sysprop} are followed by {@code :NAME}). */
    public String key()
    {
        return key;
    }

    public Resolved resolved()
    {
        return resolved;
    }

    /** The value used when the source cannot be read; null where a value always exists. */
    public String fallback()
    {
        return fallback;
    }

    /** True for {@code env} and {@code sysprop}, which name a variable and may give a default. */
    boolean takesName()
    {
        return this == ENV || this == SYSPROP;
    }

    /** The form users write, for messages: {@code {env:NAME[:default]}}, {@code {date}}. */
    String usage()
    {
        return takesName() ? "{" + key + ":NAME[:default]}" : "{" + key + "}";
    }

    /** The token whose text between the braces is {@code body}, or null when there is none. */
    static Substitution forBody(String body)
    {
        for (Substitution s : values())
        {
            if (s.takesName() ? body.startsWith(s.key + ":") : body.equals(s.key))
            {
                return s;
            }
        }
        return null;
    }

    static String allUsages()
    {
        StringBuilder all = new StringBuilder();
        for (Substitution s : values())
        {
            all.append(all.length() == 0 ? "" : " ").append(s.usage());
        }
        return all.toString();
    }

    @Override
    public String toString()
    {
        return usage();
    }
}
