package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.experiment.Settings;

class FixedWindowTokenizerTest {
    private final Tokenizer window3 = new FixedWindowTokenizerFactory().create(Settings.of(Map.of()));

    @Test
    void keepsOnlyTheLastThreeWordTokensByDefault() {
        assertThat(window3.tokens("The quick brown fox jumps!")).containsExactly("fox", "jumps", "!");
        assertThat(window3.maxSteps()).isEqualTo(3);
        assertThat(window3.ordered()).isTrue();
    }

    @Test
    void encodesExactlyNStepsWithPadInFront() {
        Vocabulary v = window3.fit(List.of("a b c d"));
        assertThat(((TokenIds) window3.encode("x a b c d", v)).ids()).containsExactly(v.id("b"), v.id("c"), v.id("d"));
        assertThat(((TokenIds) window3.encode("d", v)).ids()).containsExactly(Vocabulary.PAD, Vocabulary.PAD, v.id("d"));
        assertThat(((TokenIds) window3.encode("", v)).ids()).containsExactly(0, 0, 0);
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
                .hasMessage("setting 'tokenizer.window' must be at least 1 but was 0");
    }
}
