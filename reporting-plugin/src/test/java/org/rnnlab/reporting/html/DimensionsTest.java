package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.model.VariantStatus;

class DimensionsTest {
    private static VariantRecord run(String name, Map<String, String> settings) {
        return new VariantRecord(name, settings, 1, 3, VariantStatus.COMPLETED, List.of(), List.of(), List.of(), List.of(),
                Map.of(), Map.of(), 10, "", -1, -1);
    }

    @Test
    void aSettingTheVariantHasNoValueForIsLeftOutOfItsLabel() {
        List<String> dims = List.of("tokenizer", "tokenizer.window", "cell");
        VariantRecord window = run("fixed_s1", Map.of("tokenizer", "fixed-window", "tokenizer.window", "3", "cell", "dense"));
        VariantRecord gru = run("gru_s1", Map.of("tokenizer", "word", "cell", "gru"));
        assertThat(Dimensions.label(window, dims)).isEqualTo("tokenizer=fixed-window, tokenizer.window=3, cell=dense");
        // before: "tokenizer=word, tokenizer.window=, cell=gru"
        assertThat(Dimensions.label(gru, dims)).isEqualTo("tokenizer=word, cell=gru");
        assertThat(Dimensions.pairs(gru, dims)).containsExactly("tokenizer=word", "cell=gru");
    }

    @Test
    void theNameStandsWhenNothingVariesOrNoVariedSettingHasAValue() {
        VariantRecord gru = run("gru_s1", Map.of("cell", "gru"));
        assertThat(Dimensions.label(gru, List.of())).isEqualTo("gru_s1");
        assertThat(Dimensions.label(gru, List.of("tokenizer.window"))).isEqualTo("gru_s1");
    }
}
