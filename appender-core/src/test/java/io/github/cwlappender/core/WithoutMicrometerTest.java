package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Micrometer is an optional dependency: an application without it must be able to load and run every part of the
 * engine except the binder package.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WithoutMicrometerTest
{
    private static final String BINDER_PACKAGE = "io/github/cwlappender/core/micrometer/";
    private static final byte[] MICROMETER = "io/micrometer/".getBytes(StandardCharsets.UTF_8);

    @Test
    void noCoreClassOutsideTheBinderPackageRefersToMicrometer() throws Exception
    {
        Path classes = coreClasses();
        List<String> referring;
        List<String> binderClasses;
        try (Stream<Path> files = Files.walk(classes))
        {
            List<Path> all = files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
            // A class's references to other classes are names in its constant pool, stored as UTF-8 bytes.
            referring = all.stream().filter(WithoutMicrometerTest::mentionsMicrometer)
                    .map(f -> classes.relativize(f).toString().replace('\\', '/')).collect(Collectors.toList());
            binderClasses = all.stream().map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> name.startsWith(BINDER_PACKAGE)).collect(Collectors.toList());
        }

        assertThat(binderClasses).as("the scan sees the binder").isNotEmpty();
        assertThat(referring).as("the scan finds references where they are").isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith(BINDER_PACKAGE));
    }

    @Test
    void anEngineStartsDeliversFlushesAndStopsWhereMicrometerCannotBeLoaded() throws Exception
    {
        FakeLogsClient client = new FakeLogsClient();
        try (NoMicrometerLoader loader = new NoMicrometerLoader(coreClasses().toUri().toURL()))
        {
            Class<?> configClass = loader.loadClass(EngineConfig.class.getName());
            assertThat(configClass.getClassLoader()).as("the core under test is the isolated copy").isSameAs(loader);
            Object builder = configClass.getMethod("builder").invoke(null);
            Class<?> builderClass = builder.getClass();
            builderClass.getMethod("name", String.class).invoke(builder, "no-micrometer");
            builderClass.getMethod("logGroup", String.class).invoke(builder, TestEngines.GROUP);
            builderClass.getMethod("logStream", String.class).invoke(builder, TestEngines.STREAM);
            builderClass.getMethod("lingerMillis", long.class).invoke(builder, 3_600_000L);
            builderClass.getMethod("client", CloudWatchLogsClient.class).invoke(builder, client);
            Object config = builderClass.getMethod("build").invoke(builder);
            Class<?> listenerClass = loader.loadClass(StatusListener.class.getName());
            Object silent = listenerClass.getMethod("silent").invoke(null);
            Class<?> engineClass = loader.loadClass(CloudWatchLogsEngine.class.getName());
            Object engine = engineClass.getMethod("create", configClass, listenerClass).invoke(null, config, silent);

            engineClass.getMethod("start").invoke(engine);
            Method append = engineClass.getMethod("append", long.class, String.class);
            for (int i = 0; i < 10; i++)
            {
                append.invoke(engine, System.currentTimeMillis(), "event " + i);
            }
            Object result = loader.loadClass(CloudWatchLogs.class.getName()).getMethod("flushAll", Duration.class)
                    .invoke(null, Duration.ofSeconds(10));
            boolean stopped = (boolean) engineClass.getMethod("stop", Duration.class).invoke(engine,
                    Duration.ofSeconds(5));

            assertThat(result.getClass().getMethod("unfinishedAppenders").invoke(result))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .doesNotContain("no-micrometer");
            assertThat(stopped).isTrue();
            assertThat(client.storedMessages()).hasSize(10);
            assertThat(loader.refused()).as("nothing asked for a Micrometer class").isEmpty();
        }
    }

    private static Path coreClasses() throws Exception
    {
        Path location = Paths.get(CloudWatchLogsEngine.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        assertThat(location).as("the module's compiled classes, not a jar").isDirectory();
        return location;
    }

    private static boolean mentionsMicrometer(Path classFile)
    {
        try
        {
            byte[] bytes = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i <= bytes.length - MICROMETER.length; i++)
            {
                for (int j = 0; j < MICROMETER.length; j++)
                {
                    if (bytes[i + j] != MICROMETER[j])
                    {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
        catch (IOException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads the core's main classes itself (child first) and refuses every Micrometer class, as an application
     * without Micrometer on its class path would. Everything else (the SDK, the test's fake client) comes from the
     * test's class loader.
     */
    private static final class NoMicrometerLoader extends URLClassLoader
    {
        private final List<String> refused = Collections.synchronizedList(new ArrayList<>());

        NoMicrometerLoader(URL coreClasses)
        {
            super(new URL[] {coreClasses}, WithoutMicrometerTest.class.getClassLoader());
        }

        List<String> refused()
        {
            return new ArrayList<>(refused);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException
        {
            if (name.startsWith("io.micrometer."))
            {
                refused.add(name);
                throw new ClassNotFoundException(name + " (Micrometer is absent in this test)");
            }
            if (!name.startsWith("io.github.cwlappender.core."))
            {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name))
            {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null)
                {
                    try
                    {
                        loaded = findClass(name);
                    }
                    catch (ClassNotFoundException notAMainClass)
                    {
                        // A test class of the same package (the fake client): the test's loader has it.
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve)
                {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
