package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsNoteTest {
    @Test
    void aRunAtTheDefaultsNeedsNoNote() {
        assertThat(DefaultsNote.of(Map.of("quick", "false", "seeds", "3"))).isEmpty();
        assertThat(DefaultsNote.of(Map.of())).isEmpty();
    }

    @Test
    void aQuickRunWithOverridesSaysBothAndThatTheFiguresWereNotMeasured() {
        String note = DefaultsNote.of(Map.of("quick", "true", "set.hidden", "8", "set.dataset.path", "mine.csv"));
        assertThat(note).startsWith("Note: this run was --quick and overrides dataset.path=mine.csv, hidden=8.")
                .contains("at its defaults").contains("not measured on this run");
        assertThat(DefaultsNote.of(Map.of("quick", "true"))).startsWith("Note: this run was --quick. ");
    }
}
