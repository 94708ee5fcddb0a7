package io.github.cwlappender.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.StatusListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.util.VersionInfo;

class AwsSdkVersionCheckTest
{
    @ParameterizedTest
    @ValueSource(strings = {"2.25.70", "2.20.0", "2.9.1", "2.0.0", "1.12.788"})
    void anOlderSdkIsRefusedWithTheVersionFoundAndTheVersionRequired(String found)
    {
        String problem = AwsSdkVersionCheck.problem(found);

        assertThat(problem).isNotNull()
                .contains("version " + found)
                .contains("needs " + AwsSdkVersionCheck.OLDEST_SUPPORTED + " or newer")
                .contains("dropped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.26.0", "2.26.1", "2.42.33", "2.100.0", "3.0.0", "2.26.0-SNAPSHOT"})
    void theOldestSupportedSdkAndNewerOnesPass(String found)
    {
        assertThat(AwsSdkVersionCheck.problem(found)).isNull();
    }

    @Test
    void anSdkWhoseVersionCannotBeReadIsNotRefused()
    {
        assertThat(AwsSdkVersionCheck.problem(null)).isNull();
    }

    @Test
    void theVersionIsReadFromTheSdkOnTheClassPathAtRunTime()
    {
        // In this build the SDK on the class path is the one the test was compiled against.
        assertThat(AwsSdkVersionCheck.installedVersion()).isEqualTo(VersionInfo.SDK_VERSION);
    }

    @Test
    void theBuildsOwnSdkLetsTheEngineStartWithoutAnyMessage()
    {
        List<String> messages = new ArrayList<>();
        StatusReporter status = new StatusReporter("test", recording(messages));

        assertThat(AwsSdkVersionCheck.allowsStart(status)).isTrue();
        assertThat(messages).isEmpty();
    }

    @Test
    void numbersAreComparedAsNumbersNotAsText()
    {
        assertThat(AwsSdkVersionCheck.compare("2.9.1", "2.26.0")).isNegative();
        assertThat(AwsSdkVersionCheck.compare("2.26.10", "2.26.9")).isPositive();
        assertThat(AwsSdkVersionCheck.compare("2.26", "2.26.0")).isZero();
    }

    private static StatusListener recording(List<String> messages)
    {
        return new StatusListener()
        {
            @Override
            public void info(String message)
            {
                messages.add("INFO " + message);
            }

            @Override
            public void warn(String message, Throwable cause)
            {
                messages.add("WARN " + message);
            }

            @Override
            public void error(String message, Throwable cause)
            {
                messages.add("ERROR " + message);
            }
        };
    }
}
