package io.github.cwlappender.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * {@code cwl-appender-core} carries the LMAX Disruptor inside its jar, relocated, and does not depend on
 * {@code com.lmax:disruptor}: an application's Log4j2 async loggers use the Disruptor the application chooses.
 * Reads build outputs only: the core jar and its dependency-reduced POM (written at {@code package}) and the
 * adapters' resolved runtime class paths. Build the modules first, as the reactor does ({@code mvn install}).
 */
class DisruptorRelocationTest
{
    private static final String RELOCATED = "io/github/cwlappender/core/internal/disruptor/";

    @ParameterizedTest
    @ValueSource(strings = {"appender-logback", "appender-log4j2"})
    void theAdaptersRuntimeClassPathHasNoDisruptor(String module) throws IOException
    {
        Path listing = ProjectFiles.root().resolve(module).resolve("target").resolve("runtime-classpath.txt");
        assertThat(listing).as("written by the %s build (mvn install)", module).isRegularFile();
        List<String> names = new ArrayList<>();
        for (String entry : new String(Files.readAllBytes(listing), StandardCharsets.UTF_8).trim()
                .split(File.pathSeparator))
        {
            names.add(new File(entry.trim()).getName());
        }
        assertThat(names).as("%s runtime class path", module)
                .anyMatch(name -> name.startsWith("cwl-appender-core-"))
                .noneMatch(name -> name.startsWith("disruptor-"));
    }

    @Test
    void thePublishedCorePomDoesNotDependOnTheDisruptor()
    {
        Path pom = ProjectFiles.root().resolve("appender-core/target/dependency-reduced-pom.xml");
        assertThat(pom).as("written by the shade plugin when appender-core is packaged").isRegularFile();
        Element dependencies = ProjectFiles.child(ProjectFiles.xml("appender-core/target/dependency-reduced-pom.xml")
                .getDocumentElement(), "dependencies");
        assertThat(dependencies).isNotNull();
        List<String> declared = new ArrayList<>();
        for (Element dependency : ProjectFiles.children(dependencies, "dependency"))
        {
            declared.add(ProjectFiles.text(dependency, "groupId") + ":" + ProjectFiles.text(dependency, "artifactId"));
        }
        assertThat(declared).contains("software.amazon.awssdk:cloudwatchlogs").doesNotContain("com.lmax:disruptor");
    }

    @Test
    void theCoreJarCarriesTheRelocatedDisruptorAndNoComLmaxClasses() throws IOException
    {
        try (JarFile jar = new JarFile(coreJar().toFile()))
        {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : Collections.list(jar.entries()))
            {
                names.add(entry.getName());
            }
            assertThat(names).contains(RELOCATED + "RingBuffer.class", RELOCATED + "dsl/Disruptor.class")
                    .noneMatch(name -> name.startsWith("com/lmax/"))
                    .doesNotContain("module-info.class");
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("io.github.cwlappender.core");
            String pipeline = classText(jar, "io/github/cwlappender/core/internal/Pipeline.class");
            assertThat(pipeline).contains(RELOCATED + "dsl/Disruptor").doesNotContain("com/lmax/disruptor");
        }
    }

    /** The main jar of appender-core as the build packaged it (not its sources or javadoc jar). */
    private static Path coreJar() throws IOException
    {
        Path target = ProjectFiles.root().resolve("appender-core/target");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "cwl-appender-core-*.jar"))
        {
            for (Path jar : jars)
            {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.startsWith("original-"))
                {
                    return jar;
                }
            }
        }
        catch (IOException e)
        {
            return fail("no " + target + ": package appender-core first (mvn install)", e);
        }
        return fail("no cwl-appender-core jar in " + target + ": package appender-core first (mvn install)");
    }

    /** A class file's bytes as ISO-8859-1 text, so that the class names in its constant pool can be searched. */
    private static String classText(JarFile jar, String name) throws IOException
    {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry))
        {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
