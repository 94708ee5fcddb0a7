package io.github.cwlappender.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalValuesTest
{
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();
    private Path namespaceFile;
    private long startMillis = Instant.parse("2026-11-24T05:52:48.123Z").toEpochMilli();

    @TempDir
    Path dir;

    private String value(String token)
    {
        LocalValues local = new LocalValues(env::get, props::get, namespaceFile, () -> startMillis);
        return local.value(NameTemplate.parse(token).tokens().get(0));
    }

    @Test
    void hostnameComesFromTheHostnameVariableFirst()
    {
        env.put("HOSTNAME", "web-1");
        env.put("COMPUTERNAME", "WIN-1");

        assertThat(value("{hostname}")).isEqualTo("web-1");
    }

    @Test
    void hostnameWithoutVariablesIsTheLocalHostsName()
    {
        assertThat(value("{hostname}")).isNotBlank();
    }

    @Test
    void pidIsThisProcess()
    {
        assertThat(value("{pid}")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void uuidIsOnePerInstance()
    {
        LocalValues local = new LocalValues(env::get, props::get, null, () -> startMillis);
        NameTemplate.Token uuid = NameTemplate.parse("{uuid}").tokens().get(0);

        assertThat(local.value(uuid)).matches("[0-9a-f-]{36}").isEqualTo(local.value(uuid));
        assertThat(value("{uuid}")).isNotEqualTo(local.value(uuid));
    }

    @Test
    void startupTimestampIsTheJvmStartInUtcSeconds()
    {
        assertThat(value("{startupTimestamp}")).isEqualTo("20261124T055248Z");
    }

    @Test
    void envGivesTheVariableOrTheDefaultOrNothing()
    {
        env.put("SERVICE", "orders");
        env.put("EMPTY", "");

        assertThat(value("{env:SERVICE:x}")).isEqualTo("orders");
        assertThat(value("{env:MISSING:fallback}")).isEqualTo("fallback");
        assertThat(value("{env:EMPTY:fallback}")).as("empty counts as unset").isEqualTo("fallback");
        assertThat(value("{env:MISSING}")).isEmpty();
    }

    @Test
    void syspropGivesThePropertyOrTheDefaultOrNothing()
    {
        props.put("app.name", "billing");

        assertThat(value("{sysprop:app.name}")).isEqualTo("billing");
        assertThat(value("{sysprop:app.other:dev}")).isEqualTo("dev");
        assertThat(value("{sysprop:app.other}")).isEmpty();
    }

    @Test
    void podNameComesFromTheDownwardApiVariableElseTheHostnameInsideKubernetes()
    {
        env.put("HOSTNAME", "orders-7d9f-abcde");
        assertThat(value("{k8s:podName}")).as("not in Kubernetes").isEqualTo("unknown-pod");

        env.put("KUBERNETES_SERVICE_HOST", "10.0.0.1");
        assertThat(value("{k8s:podName}")).isEqualTo("orders-7d9f-abcde");

        env.put("POD_NAME", "orders-from-downward-api");
        assertThat(value("{k8s:podName}")).isEqualTo("orders-from-downward-api");
    }

    @Test
    void namespaceComesFromTheDownwardApiVariableElseTheServiceAccountFile() throws IOException
    {
        namespaceFile = dir.resolve("namespace");
        assertThat(value("{k8s:namespace}")).as("no file").isEqualTo("unknown-namespace");

        Files.write(namespaceFile, "payments\n".getBytes(StandardCharsets.UTF_8));
        assertThat(value("{k8s:namespace}")).isEqualTo("payments");

        env.put("POD_NAMESPACE", "from-env");
        assertThat(value("{k8s:namespace}")).isEqualTo("from-env");
    }
}
