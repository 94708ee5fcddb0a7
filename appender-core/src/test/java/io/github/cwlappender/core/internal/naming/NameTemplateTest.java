package io.github.cwlappender.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameTemplateTest
{
    @Test
    void readsLiteralTextAndTokensInOrder()
    {
        NameTemplate template = NameTemplate.parse("/app/{hostname}-{date}/x");

        assertThat(template.tokens()).extracting(NameTemplate.Token::substitution)
                .containsExactly(Substitution.HOSTNAME, Substitution.DATE);
        assertThat(template.literalText()).isEqualTo("/app/-/x");
        assertThat(template.expand(t -> t.substitution() == Substitution.DATE ? "2026-11-25" : null))
                .as("a token without a value stays as written").isEqualTo("/app/{hostname}-2026-11-25/x");
    }

    @Test
    void envAndSyspropNameTheirVariableAndMayGiveADefaultThatHoldsColons()
    {
        NameTemplate.Token plain = NameTemplate.parse("{env:SERVICE}").tokens().get(0);
        NameTemplate.Token withDefault = NameTemplate.parse("{sysprop:app.name:a:b}").tokens().get(0);

        assertThat(plain.substitution()).isEqualTo(Substitution.ENV);
        assertThat(plain.variable()).isEqualTo("SERVICE");
        assertThat(plain.defaultValue()).isNull();
        assertThat(withDefault.substitution()).isEqualTo(Substitution.SYSPROP);
        assertThat(withDefault.variable()).isEqualTo("app.name");
        assertThat(withDefault.defaultValue()).isEqualTo("a:b");
    }

    @Test
    void everyDocumentedTokenIsKnown()
    {
        String all = "{date}{hostname}{pid}{uuid}{startupTimestamp}{env:A}{env:A:d}{sysprop:b}{sysprop:b:d}"
                + "{ec2:instanceId}{ec2:region}{ecs:taskId}{ecs:cluster}{ecs:containerName}{k8s:podName}"
                + "{k8s:namespace}{aws:accountId}";

        assertThat(NameTemplate.parse(all).tokens()).hasSize(17);
    }

    @Test
    void anUnknownTokenIsRefusedNamingItAndTheTokensThatExist()
    {
        assertThatThrownBy(() -> NameTemplate.parse("app-{foo}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown token {foo}")
                .hasMessageContaining("{ec2:instanceId}").hasMessageContaining("{env:NAME[:default]}");
        assertThatThrownBy(() -> NameTemplate.parse("{ec2:instanceid}")).hasMessageContaining("{ec2:instanceid}");
    }

    @Test
    void anOpenBraceWithoutItsCloseIsRefused()
    {
        assertThatThrownBy(() -> NameTemplate.parse("app-{date")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> NameTemplate.parse("app-{da{date}")).hasMessageContaining("not closed");
    }

    @Test
    void envOrSyspropWithoutAVariableIsRefused()
    {
        assertThatThrownBy(() -> NameTemplate.parse("{env:}")).hasMessageContaining("names no variable");
        assertThatThrownBy(() -> NameTemplate.parse("{sysprop::x}")).hasMessageContaining("names no variable");
    }
}
