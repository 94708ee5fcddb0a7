package io.github.cwlappender.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownSectionsTest
{
    private static final String DOC = "# Title\nprose before\n<!-- generated:a -->\nold a\n<!-- /generated -->\n"
            + "prose between\n<!-- generated:b -->\nold b\n<!-- /generated -->\nprose after\n";

    @Test
    void replacesOnlyTheNamedSectionAndKeepsTheProse()
    {
        String result = MarkdownSections.replace(DOC, "b", "new b");

        assertThat(result).isEqualTo("# Title\nprose before\n<!-- generated:a -->\nold a\n<!-- /generated -->\n"
                + "prose between\n<!-- generated:b -->\nnew b\n<!-- /generated -->\nprose after\n");
    }

    @Test
    void replacingTwiceGivesTheSameDocument()
    {
        String once = MarkdownSections.replace(DOC, "a", "| x |\n|---|\n");

        assertThat(MarkdownSections.replace(once, "a", "| x |\n|---|\n")).isEqualTo(once);
    }

    @Test
    void aMissingMarkerIsAnErrorNotASilentNoOp()
    {
        assertThatThrownBy(() -> MarkdownSections.replace(DOC, "c", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generated:c");
        assertThatThrownBy(() -> MarkdownSections.replace("<!-- generated:a -->\nno end", "a", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/generated");
    }
}
