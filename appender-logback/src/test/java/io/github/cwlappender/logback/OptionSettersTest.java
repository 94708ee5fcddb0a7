package io.github.cwlappender.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineOption;
import io.github.cwlappender.core.EngineOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joran sets each child element through a JavaBean setter, so every option declared in core needs one here, and a
 * text setter here that no declaration names would be an option the reference does not know.
 */
class OptionSettersTest
{
    @Test
    void everyDeclaredOptionHasATextSetterThatForwardsUnderItsName() throws Exception
    {
        List<String> missing = new ArrayList<>();
        for (EngineOption option : EngineOption.values())
        {
            Method setter;
            try
            {
                setter = CloudWatchLogsAppender.class.getMethod(setterName(option.optionName()), String.class);
            }
            catch (NoSuchMethodException e)
            {
                missing.add(setterName(option.optionName()) + "(String)");
                continue;
            }
            CloudWatchLogsAppender appender = new CloudWatchLogsAppender();
            setter.invoke(appender, "probe-" + option.optionName());
            assertThat(options(appender).get(option.optionName())).as(setter.getName())
                    .isEqualTo("probe-" + option.optionName());
        }
        assertThat(missing).as("setters missing on the Logback appender").isEmpty();
    }

    @Test
    void everyTextSetterIsADeclaredOption()
    {
        List<String> undeclared = new ArrayList<>();
        for (Method method : CloudWatchLogsAppender.class.getDeclaredMethods())
        {
            if (Modifier.isPublic(method.getModifiers()) && method.getName().startsWith("set")
                    && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class)
            {
                String name = Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4);
                if (EngineOption.named(name) == null)
                {
                    undeclared.add(method.getName());
                }
            }
        }
        assertThat(undeclared).as("text setters with no EngineOption declaration").isEmpty();
    }

    private static String setterName(String option)
    {
        return "set" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    }

    private static EngineOptions options(CloudWatchLogsAppender appender) throws ReflectiveOperationException
    {
        Field field = CloudWatchLogsAppender.class.getDeclaredField("options");
        field.setAccessible(true);
        return (EngineOptions) field.get(appender);
    }
}
