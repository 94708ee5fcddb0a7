package io.github.cwlappender.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSanitizerTest
{
    @Test
    void aGroupValueKeepsOnlyTheCharactersTheServiceAllows()
    {
        assertThat(NameSanitizer.groupValue("ok_A-z/0.9#")).isEqualTo("ok_A-z/0.9#");
        assertThat(NameSanitizer.groupValue("my app:v1*{x}\u00e9")).isEqualTo("my_app_v1__x__");
    }

    @Test
    void aStreamValueLosesColonStarBracesControlCharactersAndLoneSurrogates()
    {
        String rocket = "\uD83D\uDE80";
        assertThat(NameSanitizer.streamValue("a:b*c{d}e\nf\uD800g" + rocket + " h/\u00e9"))
                .isEqualTo("a_b_c_d_e_f_g" + rocket + " h/\u00e9");
    }

    @Test
    void finishedNamesAreCutTo512CharactersWithoutSplittingACharacter()
    {
        assertThat(NameSanitizer.groupName("g".repeat(600))).hasSize(512);
        String stream = "s".repeat(511) + "\uD83D\uDE80";
        assertThat(NameSanitizer.streamName(stream)).isEqualTo("s".repeat(511));
        assertThat(NameSanitizer.streamName("s".repeat(512))).hasSize(512);
    }

    @Test
    void finishedNamesAreNeverEmptyNorUnderTheReservedAwsPrefix()
    {
        assertThat(NameSanitizer.groupName("")).isEqualTo(NameSanitizer.EMPTY_NAME);
        assertThat(NameSanitizer.streamName("")).isEqualTo(NameSanitizer.EMPTY_NAME);
        assertThat(NameSanitizer.groupName("aws/lambda/x")).isEqualTo("_aws/lambda/x");
        assertThat(NameSanitizer.streamName("a:b*")).isEqualTo("a_b_");
    }
}
