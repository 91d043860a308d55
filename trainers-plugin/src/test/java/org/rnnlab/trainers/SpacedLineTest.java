package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpacedLineTest {
    static final List<String> CHARS = List.of("F", "i", "r", "s", "t", "C", "i", "t", "i", "z", "e", "n", ":");
    static final boolean[] TRUE = spaces(5);

    @Test
    void correctSpacesAreSpacesAndErrorsAreMarked() {
        assertThat(SpacedLine.render(CHARS, TRUE, TRUE)).isEqualTo("First Citizen:");
        assertThat(SpacedLine.render(CHARS, TRUE, spaces(8))).isEqualTo("First|Cit_izen:");
        assertThat(SpacedLine.errors(TRUE, spaces(8))).isEqualTo(2);
        assertThat(SpacedLine.render(CHARS, TRUE, spaces())).isEqualTo("First|Citizen:");
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThatThrownBy(() -> SpacedLine.render(CHARS, TRUE, new boolean[2])).hasMessageContaining("13 characters");
    }

    private static boolean[] spaces(int... before) {
        boolean[] b = new boolean[CHARS.size()];
        for (int i : before) {
            b[i] = true;
        }
        return b;
    }
}
