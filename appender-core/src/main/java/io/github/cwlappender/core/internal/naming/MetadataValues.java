package io.github.cwlappender.core.internal.naming;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Looks up the tokens known at warm start, each from its source, and puts the documented fallback in place of any
 * that cannot be found. Asks only the sources the names use; all requests together stay within the sources' total
 * time limit.
 */
final class MetadataValues
{
    private MetadataValues()
    {
    }

    /**
     * @param wanted the substitutions to look up (those not resolved at warm start are ignored)
     * @param problems told once per source that could not give a value, with the fallback used
     * @return a value (raw, not sanitized) for every wanted warm-start substitution
     */
    static Map<Substitution, String> lookUp(Set<Substitution> wanted, NameSources sources, Consumer<String> problems)
    {
        Map<Substitution, String> values = new EnumMap<>(Substitution.class);
        MetadataHttp http = sources.newHttp();
        Ec2Metadata ec2 = sources.imdsEndpoint() == null ? null : new Ec2Metadata(sources.imdsEndpoint(), http);
        EcsMetadata ecs = sources.ecsMetadataUri() == null ? null : new EcsMetadata(sources.ecsMetadataUri(), http);
        for (Substitution s : wanted)
        {
            if (s.resolved() != Substitution.Resolved.AT_WARM_START)
            {
                continue;
            }
            String value = lookUp(s, ec2, ecs, sources);
            if (value == null)
            {
                value = s.fallback();
                problems.accept(s + " could not be read (" + why(s, ec2, ecs) + "); using '" + value + "'");
            }
            values.put(s, value);
        }
        return values;
    }

    private static String lookUp(Substitution s, Ec2Metadata ec2, EcsMetadata ecs, NameSources sources)
    {
        switch (s)
        {
            case EC2_INSTANCE_ID:
                return ec2 == null ? null : ec2.instanceId();
            case EC2_REGION:
                String region = ec2 == null ? null : ec2.region();
                // Off EC2 (Fargate, elsewhere) the region the SDK would use is the next best answer.
                return region != null ? region : firstSet(sources.environment("AWS_REGION"),
                        sources.environment("AWS_DEFAULT_REGION"));
            case ECS_TASK_ID:
                return ecs == null ? null : ecs.taskId();
            case ECS_CLUSTER:
                return ecs == null ? null : ecs.cluster();
            case ECS_CONTAINER_NAME:
                return ecs == null ? null : ecs.containerName();
            case AWS_ACCOUNT_ID:
                // On ECS the task ARN names the account; elsewhere the instance identity document does.
                String account = ecs == null ? null : ecs.accountId();
                return account != null || ec2 == null ? account : ec2.accountId();
            default:
                return null;
        }
    }

    private static String why(Substitution s, Ec2Metadata ec2, EcsMetadata ecs)
    {
        boolean fromEcs = s == Substitution.ECS_TASK_ID || s == Substitution.ECS_CLUSTER
                || s == Substitution.ECS_CONTAINER_NAME;
        if (fromEcs)
        {
            return ecs == null ? "not on ECS: ECS_CONTAINER_METADATA_URI_V4 is not set" : orMissing(ecs.problem());
        }
        String ecsProblem = ecs == null ? null : ecs.problem();
        if (ec2 == null)
        {
            return s == Substitution.AWS_ACCOUNT_ID && ecsProblem != null ? ecsProblem
                    : "instance metadata is disabled (aws.disableEc2Metadata or AWS_EC2_METADATA_DISABLED)";
        }
        return orMissing(ec2.problem());
    }

    private static String orMissing(String problem)
    {
        return problem != null ? problem : "the metadata has no such field";
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
}
