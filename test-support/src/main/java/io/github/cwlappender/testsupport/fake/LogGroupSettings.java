package io.github.cwlappender.testsupport.fake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a CreateLogGroup request set on the group: tags, KMS key and log group class (null when not given). */
public final class LogGroupSettings
{
    static final LogGroupSettings NONE = new LogGroupSettings(Map.of(), null, null);

    private final Map<String, String> tags;
    private final String kmsKeyId;
    private final String logGroupClass;

    LogGroupSettings(Map<String, String> tags, String kmsKeyId, String logGroupClass)
    {
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.kmsKeyId = kmsKeyId;
        this.logGroupClass = logGroupClass;
    }

    public Map<String, String> tags()
    {
        return tags;
    }

    public String kmsKeyId()
    {
        return kmsKeyId;
    }

    /** The class as requested, or null when the request left it to the service's default (STANDARD). */
    public String logGroupClass()
    {
        return logGroupClass;
    }

    @Override
    public String toString()
    {
        return "LogGroupSettings{tags=" + tags + ", kmsKeyId=" + kmsKeyId + ", logGroupClass=" + logGroupClass + "}";
    }
}
