package io.github.cwlappender.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * The published artifacts pull in exactly one HTTP client, the URL-connection one. {@code cloudwatchlogs} declares
 * the Apache, Apache 5 and Netty clients at runtime scope; the engine excludes them, and must do so in
 * {@code appender-core}'s own POM, because Gradle (and other tools that read a dependency's POM but not its parent's
 * {@code dependencyManagement} exclusions) would otherwise put them back on the users' class path.
 *
 * <p>Reads files only (no network, no Maven call): the POMs, and the runtime class path that each adapter's build
 * writes to {@code target/runtime-classpath.txt} (the dependency plugin's {@code build-classpath}, see the adapters'
 * POMs). Build the adapters first, as the reactor does.
 */
class DependencyHygieneTest
{
    private static final String SDK_GROUP = "software.amazon.awssdk";
    private static final List<String> FORBIDDEN_CLIENTS = List.of("apache-client", "netty-nio-client",
            "apache5-client");
    private static final List<String> CREDENTIALS_MODULES = List.of("sts", "sso", "ssooidc");

    @Test
    void appenderCoreDeclaresEveryHttpClientExclusionInItsOwnPom()
    {
        Set<String> managed = exclusionsOfCloudWatchLogs(managedDependencies(ProjectFiles.xml("pom.xml")
                .getDocumentElement()));
        Set<String> declared = exclusionsOfCloudWatchLogs(ProjectFiles.child(ProjectFiles.xml("appender-core/pom.xml")
                .getDocumentElement(), "dependencies"));

        for (String client : FORBIDDEN_CLIENTS)
        {
            assertThat(managed).as("the parent's dependencyManagement excludes %s", client)
                    .contains(SDK_GROUP + ":" + client);
        }
        assertThat(declared).as("exclusions on cloudwatchlogs in appender-core/pom.xml, where Gradle sees them")
                .containsAll(managed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"appender-logback", "appender-log4j2"})
    void theAdaptersRuntimeClassPathHasOnlyTheUrlConnectionClient(String module)
    {
        List<String> jars = runtimeJars(module);

        assertThat(jars).as("%s runtime class path", module)
                .anyMatch(jar -> jar.startsWith("cloudwatchlogs-"))
                .anyMatch(jar -> jar.startsWith("url-connection-client-"));
        for (String client : FORBIDDEN_CLIENTS)
        {
            assertThat(jars).as("%s runtime class path", module).noneMatch(jar -> jar.startsWith(client + "-"));
        }
        assertThat(jars).as("%s runtime class path: no Netty at all", module)
                .noneMatch(jar -> jar.startsWith("netty-"));
    }

    /** The default credentials chain needs these for web identity (IRSA), role_arn profiles and SSO profiles. */
    @ParameterizedTest
    @ValueSource(strings = {"appender-logback", "appender-log4j2"})
    void theAdaptersRuntimeClassPathHasTheStsAndSsoModules(String module)
    {
        List<String> jars = runtimeJars(module);

        for (String credentialsModule : CREDENTIALS_MODULES)
        {
            assertThat(jars).as("%s runtime class path", module)
                    .anyMatch(jar -> jar.startsWith(credentialsModule + "-2."));
        }
    }

    @Test
    void appenderCoreExcludesTheHttpClientsFromTheStsAndSsoModulesToo()
    {
        Element dependencies = ProjectFiles.child(ProjectFiles.xml("appender-core/pom.xml").getDocumentElement(),
                "dependencies");
        for (String credentialsModule : CREDENTIALS_MODULES)
        {
            Set<String> exclusions = exclusionsOf(dependencies, credentialsModule);
            for (String client : FORBIDDEN_CLIENTS)
            {
                assertThat(exclusions).as("exclusions on %s in appender-core/pom.xml", credentialsModule)
                        .contains(SDK_GROUP + ":" + client);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"appender-logback", "appender-log4j2"})
    void theAdaptersUseTheApplicationsLoggingFrameworkInsteadOfBringingOne(String module)
    {
        assertThat(runtimeJars(module)).as("%s runtime class path", module)
                .noneMatch(jar -> jar.startsWith("logback-classic-") || jar.startsWith("logback-core-")
                        || jar.startsWith("log4j-core-") || jar.startsWith("log4j-api-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"appender-logback", "appender-log4j2"})
    void theAdaptersBringNoMicrometer(String module)
    {
        assertThat(runtimeJars(module)).as("%s runtime class path: Micrometer only where the application has it",
                module).noneMatch(jar -> jar.startsWith("micrometer-") || jar.startsWith("HdrHistogram-")
                        || jar.startsWith("LatencyUtils-"));
    }

    @Test
    void appenderCoreDeclaresMicrometerOptional()
    {
        Element dependencies = ProjectFiles.child(ProjectFiles.xml("appender-core/pom.xml").getDocumentElement(),
                "dependencies");
        List<String> micrometer = new ArrayList<>();
        for (Element dependency : ProjectFiles.children(dependencies, "dependency"))
        {
            if ("io.micrometer".equals(ProjectFiles.text(dependency, "groupId")))
            {
                micrometer.add(ProjectFiles.text(dependency, "artifactId") + " optional="
                        + ProjectFiles.text(dependency, "optional"));
            }
        }
        assertThat(micrometer).as("Micrometer dependencies in appender-core/pom.xml")
                .containsExactly("micrometer-core optional=true");
    }

    /** File names of the jars (and directories) on a module's runtime class path, as its build resolved it. */
    private static List<String> runtimeJars(String module)
    {
        Path listing = ProjectFiles.root().resolve(module).resolve("target").resolve("runtime-classpath.txt");
        if (!Files.isRegularFile(listing))
        {
            fail(listing + " is missing: build " + module + " first (mvn -pl integration-tests -am verify, or"
                    + " mvn install), which writes it");
        }
        String text;
        try
        {
            text = new String(Files.readAllBytes(listing), StandardCharsets.UTF_8).trim();
        }
        catch (IOException e)
        {
            return fail("cannot read " + listing, e);
        }
        List<String> names = new ArrayList<>();
        for (String entry : text.split(File.pathSeparator))
        {
            if (!entry.trim().isEmpty())
            {
                names.add(new File(entry.trim()).getName());
            }
        }
        assertThat(names).as("entries of %s", listing).isNotEmpty();
        return names;
    }

    private static Element managedDependencies(Element project)
    {
        Element management = ProjectFiles.child(project, "dependencyManagement");
        return management == null ? null : ProjectFiles.child(management, "dependencies");
    }

    /** "group:artifact" of each exclusion on software.amazon.awssdk:cloudwatchlogs in a dependencies element. */
    private static Set<String> exclusionsOfCloudWatchLogs(Element dependencies)
    {
        return exclusionsOf(dependencies, "cloudwatchlogs");
    }

    /** "group:artifact" of each exclusion on one software.amazon.awssdk module in a dependencies element. */
    private static Set<String> exclusionsOf(Element dependencies, String sdkModule)
    {
        assertThat(dependencies).as("a <dependencies> element").isNotNull();
        for (Element dependency : ProjectFiles.children(dependencies, "dependency"))
        {
            if (SDK_GROUP.equals(ProjectFiles.text(dependency, "groupId"))
                    && sdkModule.equals(ProjectFiles.text(dependency, "artifactId")))
            {
                Set<String> exclusions = new LinkedHashSet<>();
                Element list = ProjectFiles.child(dependency, "exclusions");
                if (list != null)
                {
                    for (Element exclusion : ProjectFiles.children(list, "exclusion"))
                    {
                        exclusions.add(ProjectFiles.text(exclusion, "groupId") + ":"
                                + ProjectFiles.text(exclusion, "artifactId"));
                    }
                }
                return exclusions;
            }
        }
        return fail("no software.amazon.awssdk:" + sdkModule + " dependency found");
    }
}
