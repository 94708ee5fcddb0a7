package io.github.cwlappender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Keeps the option table of docs/configuration.md in step with {@link EngineOption}: the table between the markers is
 * generated from the declarations. Run with {@code -Dcwl.writeDocs=true} to rewrite it after changing an option.
 */
class OptionReferenceTest
{
    static final String BEGIN = "<!-- generated:options (from EngineOption; OptionReferenceTest rewrites it) -->";
    static final String END = "<!-- /generated:options -->";

    @Test
    void theConfigurationReferenceListsEveryDeclaredOption() throws IOException
    {
        Path doc = projectRoot().resolve("docs").resolve("configuration.md");
        String text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("the markers %s and %s in %s", BEGIN, END, doc).isGreaterThanOrEqualTo(0);
        assertThat(end).as("the end marker after the begin marker").isGreaterThan(begin);
        String current = text.substring(begin + BEGIN.length(), end);
        String wanted = "\n" + table();
        if (current.equals(wanted))
        {
            return;
        }
        if (Boolean.getBoolean("cwl.writeDocs"))
        {
            Files.write(doc, (text.substring(0, begin + BEGIN.length()) + wanted + text.substring(end))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        fail("docs/configuration.md's option table is out of date; rerun this test with -Dcwl.writeDocs=true to"
                + " regenerate it.%nIn the file:%n%s%nFrom EngineOption:%n%s", current, wanted);
    }

    @Test
    void everyOptionNameIsDeclaredOnce()
    {
        for (EngineOption option : EngineOption.values())
        {
            assertThat(EngineOption.named(option.optionName())).isSameAs(option);
            assertThat(option.summary()).as(option.optionName()).isNotBlank();
            assertThat(option.allowed()).as(option.optionName()).isNotBlank();
            assertThat(option.defaultText()).as(option.optionName()).isNotBlank();
        }
    }

    /** The Markdown table, one row per declared option, linking to the option's own section. */
    static String table()
    {
        StringBuilder table = new StringBuilder("| Option | Default | Allowed | In short |\n|---|---|---|---|\n");
        for (EngineOption option : EngineOption.values())
        {
            table.append("| [`").append(option.optionName()).append("`](#")
                    .append(option.optionName().toLowerCase(Locale.ROOT)).append(") | ").append(option.defaultText())
                    .append(" | ").append(option.allowed()).append(" | ").append(option.summary()).append(" |\n");
        }
        return table.toString();
    }

    /** The directory holding docs/, found from the module's working directory upwards. */
    static Path projectRoot()
    {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs").resolve("configuration.md")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("docs/configuration.md not found above " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }
}
