package io.vantage.etl.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void everyKindOfWhiteSpaceIsTrimmed() {
        assertThat(Text.clean("100103\u00A0")).as("no-break space").isEqualTo("100103");
        assertThat(Text.clean("\u2007\u202F\u200B U1 \u3000\uFEFF")).isEqualTo("U1");
        assertThat(Text.clean(" \t ")).isNull();
        assertThat(Text.clean("\u00A0\u200B")).isNull();
        assertThat(Text.clean("van der\u00A0Berg")).as("inside a value it stays").isEqualTo("van der\u00A0Berg");
    }

    @Test
    void namesAreComposed() {
        String decomposed = "Zoe\u0308";
        assertThat(Text.clean(decomposed)).isEqualTo("Zo\u00EB").hasSize(3);
        assertThat(Text.clean("Zo\u00EB")).isEqualTo(Text.clean(decomposed));
    }

    @Test
    void controlCharactersAreFoundExceptLineBreaksInMultilineText() {
        assertThat(Text.controlCharacter("a\tb", false)).isEqualTo(1);
        assertThat(Text.controlCharacter("a\tb\nc", true)).isEqualTo(-1);
        assertThat(Text.controlCharacter("bell\u0007", true)).isEqualTo(4);
    }
}
