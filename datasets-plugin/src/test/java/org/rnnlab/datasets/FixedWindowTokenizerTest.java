package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class FixedWindowTokenizerTest {
    private final Tokenizer window3 = new FixedWindowTokenizerFactory().create(Settings.of(Map.of()));

    @Test
    void keepsOnlyTheLastThreeWordTokensByDefault() {
        assertThat(window3.tokens("The quick brown fox jumps!")).containsExactly("fox", "jumps", "!");
        assertThat(window3.maxSteps()).isEqualTo(1);
        assertThat(window3.ordered()).isTrue();
    }

    @Test
    void encodesOneStepOfNOneHotSlotsWithEmptySlotsInFront() {
        Vocabulary v = window3.fit(List.of("a b c d"));
        int size = v.size();
        float[] full = ((TokenCounts) window3.encode("x a b c d", v)).counts();
        assertThat(full).hasSize(3 * size);
        assertThat(hot(full, size)).containsExactly(v.id("b"), v.id("c"), v.id("d"));
        float[] short1 = ((TokenCounts) window3.encode("d", v)).counts();
        assertThat(hot(short1, size)).containsExactly(-1, -1, v.id("d"));
        assertThat(hot(((TokenCounts) window3.encode("", v)).counts(), size)).containsExactly(-1, -1, -1);
        assertThat(window3.encode("x a b c d", v).steps()).isEqualTo(1);
    }

    @Test
    void positionMattersUnlikeBagOfWords() {
        Vocabulary v = window3.fit(List.of("dog bites man"));
        assertThat(window3.encode("dog bites man", v)).isNotEqualTo(window3.encode("man bites dog", v));
    }

    /** The token id hot in each slot, -1 for an empty slot; fails if a slot has more than one. */
    private static int[] hot(float[] slots, int size) {
        int[] ids = new int[slots.length / size];
        for (int s = 0; s < ids.length; s++) {
            ids[s] = -1;
            for (int i = 0; i < size; i++) {
                if (slots[s * size + i] != 0) {
                    assertThat(ids[s]).as("slot %d has one token", s).isEqualTo(-1);
                    assertThat(slots[s * size + i]).isEqualTo(1f);
                    ids[s] = i;
                }
            }
        }
        return ids;
    }

    @Test
    void theVocabularyKnowsEveryTrainingWordNotJustTheWindows() {
        Vocabulary v = window3.fit(List.of("early words matter too"));
        assertThat(v.contains("early")).isTrue();
    }

    @Test
    void trickyTextAndAConfiguredWindow() {
        Tokenizer window1 = new FixedWindowTokenizerFactory().create(Settings.of(Map.of("window", "1")));
        assertThat(window1.tokens("Très bon 👍🏽")).containsExactly("👍🏽");
        assertThat(window1.tokens("Fin.")).containsExactly(".");
        assertThat(window1.tokens("")).isEmpty();
        assertThatThrownBy(() -> new FixedWindowTokenizerFactory().create(Settings.of(Map.of("window", "0"))))
                .hasMessage("setting 'tokenizer.window' must be at least 1 but was '0'");
    }
}
