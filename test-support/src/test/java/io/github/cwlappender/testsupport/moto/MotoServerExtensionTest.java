package io.github.cwlappender.testsupport.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** What happens when moto is missing or broken, and where the executable is looked for. */
class MotoServerExtensionTest
{
    @TempDir
    Path temp;

    private final String savedExecutable = System.getProperty(MotoServer.EXECUTABLE_PROPERTY);
    private final String savedRoot = System.getProperty(MotoServer.PROJECT_ROOT_PROPERTY);

    @AfterEach
    void restoreProperties()
    {
        restore(MotoServer.EXECUTABLE_PROPERTY, savedExecutable);
        restore(MotoServer.PROJECT_ROOT_PROPERTY, savedRoot);
    }

    private static void restore(String key, String value)
    {
        if (value == null)
        {
            System.clearProperty(key);
        }
        else
        {
            System.setProperty(key, value);
        }
    }

    private static Properties properties(String key, String value)
    {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    @Test
    void emulatorIsRequiredWhenCiIsTrue()
    {
        assertThat(MotoServerExtension.emulatorRequired(Map.of("CI", "true"), new Properties())).isTrue();
    }

    @Test
    void emulatorIsRequiredWhenThePropertyIsTrue()
    {
        assertThat(MotoServerExtension.emulatorRequired(Map.of(),
                properties(MotoServerExtension.REQUIRE_PROPERTY, "true"))).isTrue();
    }

    @Test
    void emulatorIsOptionalOtherwise()
    {
        assertThat(MotoServerExtension.emulatorRequired(Map.of("CI", "false"),
                properties(MotoServerExtension.REQUIRE_PROPERTY, "false"))).isFalse();
        assertThat(MotoServerExtension.emulatorRequired(Map.of(), new Properties())).isFalse();
    }

    @Test
    void missingExecutableIsReportedWithTheInstallScript()
    {
        Path missing = temp.resolve("bin/moto_server");

        assertThatThrownBy(() -> MotoServer.start(missing, Duration.ofSeconds(1)))
                .isInstanceOf(MotoUnavailableException.class)
                .hasMessageContaining("moto_server not found at " + missing)
                .hasMessageContaining("run scripts/install-moto.sh");
    }

    @Test
    void missingMotoSkipsTheTestWhenNotRequired()
    {
        MotoServerExtension.SharedServer shared = MotoServerExtension.SharedServer.unavailable(
                "moto_server not found at x: run scripts/install-moto.sh");

        assertThatThrownBy(() -> shared.serverOrAbort(false)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("run scripts/install-moto.sh");
    }

    @Test
    void missingMotoFailsTheTestWhenRequired()
    {
        MotoServerExtension.SharedServer shared = MotoServerExtension.SharedServer.unavailable(
                "moto_server not found at x: run scripts/install-moto.sh");

        assertThatThrownBy(() -> shared.serverOrAbort(true)).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("run scripts/install-moto.sh").hasMessageContaining("CI=true");
    }

    @Test
    void serverThatExitsAtOnceIsReportedWithItsStatus() throws IOException
    {
        Path script = temp.resolve("moto_server");
        Files.writeString(script, "#!/bin/sh\necho 'no moto here'\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> MotoServer.start(script, Duration.ofSeconds(10)))
                .isInstanceOf(MotoUnavailableException.class)
                .hasMessageContaining("exited with status 3")
                .hasMessageContaining("no moto here");
    }

    @Test
    void executableComesFromThePropertyFirst()
    {
        System.setProperty(MotoServer.EXECUTABLE_PROPERTY, temp.resolve("custom/moto_server").toString());

        assertThat(MotoServer.locateExecutable()).isEqualTo(temp.resolve("custom/moto_server"));
    }

    @Test
    void executableIsInTheProjectVirtualEnvironment() throws IOException
    {
        System.clearProperty(MotoServer.EXECUTABLE_PROPERTY);
        Path root = temp.resolve("project");
        Files.createDirectories(root.resolve("scripts"));
        Files.writeString(root.resolve(MotoServer.INSTALL_SCRIPT), "#!/bin/sh\n");
        Path venv = root.resolve(MotoServer.VENV_EXECUTABLE);
        Files.createDirectories(venv.getParent());
        Files.writeString(venv, "#!/bin/sh\n");
        Files.setPosixFilePermissions(venv, PosixFilePermissions.fromString("rwx------"));
        System.setProperty(MotoServer.PROJECT_ROOT_PROPERTY, root.resolve("module/src").toString());

        // Walks up from a module directory to the root that holds the install script.
        assertThat(MotoServer.projectRoot()).isEqualTo(root);
        if (System.getenv(MotoServer.EXECUTABLE_ENV) == null)
        {
            assertThat(MotoServer.locateExecutable()).isEqualTo(venv);
        }
    }

    @Test
    void executableIsFoundOnThePath() throws IOException
    {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path exe = bin.resolve("moto_server");
        Files.writeString(exe, "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));

        assertThat(MotoServer.onPath(temp.resolve("nothing-here") + java.io.File.pathSeparator + bin)).isEqualTo(exe);
        assertThat(MotoServer.onPath(temp.resolve("nothing-here").toString())).isNull();
    }
}
