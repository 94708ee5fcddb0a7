package io.github.cwlappender.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cwlappender.core.EngineOption;
import io.github.cwlappender.core.EngineOptions;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.junit.jupiter.api.Test;

/**
 * Log4j2 injects each attribute into a {@code @PluginBuilderAttribute} field of the builder, so every option declared
 * in core needs one here (with a setter for code), and an attribute field that no declaration names would be an
 * option the reference does not know.
 */
class OptionAttributesTest
{
    @Test
    void everyDeclaredOptionIsAnAttributeWithASetterAndIsForwardedUnderItsName() throws Exception
    {
        List<String> missing = new ArrayList<>();
        CloudWatchLogsAppender.Builder<?> builder = CloudWatchLogsAppender.newBuilder();
        for (EngineOption option : EngineOption.values())
        {
            Field field;
            try
            {
                field = CloudWatchLogsAppender.Builder.class.getDeclaredField(option.optionName());
            }
            catch (NoSuchFieldException e)
            {
                missing.add("field " + option.optionName());
                continue;
            }
            assertThat(field.isAnnotationPresent(PluginBuilderAttribute.class)).as(field.getName()).isTrue();
            assertThat(field.getType()).as(field.getName()).isEqualTo(String.class);
            String setter = "set" + Character.toUpperCase(option.optionName().charAt(0))
                    + option.optionName().substring(1);
            if (Arrays.stream(CloudWatchLogsAppender.Builder.class.getMethods())
                    .noneMatch(m -> m.getName().equals(setter) && m.getParameterCount() == 1))
            {
                missing.add("method " + setter);
            }
            field.setAccessible(true);
            field.set(builder, "probe-" + option.optionName());
        }
        assertThat(missing).as("missing on the Log4j2 builder").isEmpty();

        EngineOptions forwarded = forwarded(builder);
        for (EngineOption option : EngineOption.values())
        {
            assertThat(forwarded.get(option.optionName())).as(option.optionName())
                    .isEqualTo("probe-" + option.optionName());
        }
    }

    @Test
    void everyAttributeIsADeclaredOption()
    {
        List<String> undeclared = new ArrayList<>();
        for (Field field : CloudWatchLogsAppender.Builder.class.getDeclaredFields())
        {
            if (field.isAnnotationPresent(PluginBuilderAttribute.class) && EngineOption.named(field.getName()) == null)
            {
                undeclared.add(field.getName());
            }
        }
        assertThat(undeclared).as("attributes with no EngineOption declaration").isEmpty();
    }

    private static EngineOptions forwarded(CloudWatchLogsAppender.Builder<?> builder)
            throws ReflectiveOperationException
    {
        Method options = CloudWatchLogsAppender.Builder.class.getDeclaredMethod("options");
        options.setAccessible(true);
        return (EngineOptions) options.invoke(builder);
    }
}
