package org.rnnlab.api.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Variant names say which settings vary: a value that is a name stands alone, a number or a flag carries its key. */
class VariantNamesTest {
    private final FakeRegistry registry = FakeRegistry.standard();

    private static Experiment.Builder base() {
        return Experiment.named("depth").dataset("order").tokenizer("word").cell("lstm").seeds(1);
    }

    private List<String> names(Experiment e, Map<String, String> overrides) {
        var v = e.variants(new GridRequest(overrides, Optional.empty(), false), registry);
        assertThat(v.isValid()).as("problems: %s", v.isInvalid() ? v.getError() : "").isTrue();
        return v.get().stream().map(Variant::name).toList();
    }

    @Test
    void numbersVariedInCodeAreNamedWithTheirKey() {
        assertThat(names(base().vary("hidden", 16, 32).build(), Map.of()))
                .containsExactly("hidden=16_s1", "hidden=32_s1");
    }

    @Test
    void numbersAndFlagsVariedFromTheCommandLineAreNamedWithTheirKey() {
        assertThat(names(base().build(), Map.of("lr", "0.01,0.003")))
                .containsExactly("lr=0.01_s1", "lr=0.003_s1");
        assertThat(names(base().cell("gru").build(), Map.of("gru.reset_after", "true,false")))
                .containsExactly("gru.reset_after=true_s1", "gru.reset_after=false_s1");
    }

    @Test
    void namedValuesStandAloneAsBefore() {
        assertThat(names(base().vary("cell", "rnn", "lstm").vary("hidden", 8, 16).build(), Map.of()))
                .containsExactly("rnn_hidden=8_s1", "rnn_hidden=16_s1", "lstm_hidden=8_s1", "lstm_hidden=16_s1");
    }

    @Test
    void theVariedSettingIsWhatTheNameSays() {
        var v = base().vary("hidden", 16, 32).build().variants(registry).get();
        assertThat(v.get(1).settings().get(FakeRegistry.HIDDEN)).isEqualTo(32);
        assertThat(FileNames.safe(v.get(1).name())).isEqualTo("hidden=32_s1");
    }
}
