package org.rnnlab.api.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {
    private final FakeRegistry registry = FakeRegistry.standard();

    private static Experiment languageModel() {
        return Experiment.named("toy").dataset("order").tokenizer("word").cell("rnn").hidden(8).build();
    }

    private io.vavr.control.Validation<io.vavr.collection.Seq<String>, List<Variant>> run(Experiment e, String... overrides) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            m.put(overrides[i], overrides[i + 1]);
        }
        return e.variants(new GridRequest(m, Optional.empty(), false), registry);
    }

    private static Map<String, String> settingsOf(List<Variant> variants, String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().settings().values();
    }

    @Test
    void valuesUnknownOptionsAndUnknownKeysAreAllListedAtOnce() {
        var result = run(languageModel(), "temperature", "-1", "schedule", "linear", "cell.foo", "1", "bogus", "1");

        assertThat(result.getError().toJavaList()).containsExactly(
                "unknown setting 'bogus'; known settings: cell, dataset, epochs, hidden, lr, optimizer, samples, schedule,"
                        + " task, temperature,"
                        + " tokenizer, trainer (lab describe trainer bptt); a component's own settings go under its kind"
                        + " or its id (cell.KEY, lstm.KEY; lab describe cell lstm)",
                "unknown setting 'cell.foo': cell 'rnn' takes cell.activation",
                "setting 'schedule' must be one of constant, step, cosine, warmup but was 'linear'",
                "setting 'temperature' must be positive but was '-1'");
    }

    @Test
    void anOptionScopedToOneCellAppliesToTheVariantsUsingItOnly() {
        List<Variant> variants = run(languageModel(), "cell", "lstm,gru", "lstm.forget_bias", "0").get();

        assertThat(variants).extracting(Variant::name).containsExactly("lstm_s1", "gru_s1");
        assertThat(settingsOf(variants, "lstm_s1")).containsEntry("cell.forget_bias", "0").doesNotContainKey("lstm.forget_bias");
        assertThat(settingsOf(variants, "gru_s1")).doesNotContainKeys("cell.forget_bias", "lstm.forget_bias");
    }

    @Test
    void theScopedFormWinsOverTheKindForm() {
        List<Variant> variants = run(languageModel(), "cell", "lstm", "cell.forget_bias", "2", "lstm.forget_bias", "0").get();

        assertThat(variants.getFirst().settings().values()).containsEntry("cell.forget_bias", "0");
    }

    @Test
    void anOptionGivenToEveryCellThatOneLacksNamesTheScopedForm() {
        var result = run(languageModel(), "cell", "lstm,gru", "cell.forget_bias", "0");

        assertThat(result.getError().toJavaList()).containsExactly(
                "unknown setting 'cell.forget_bias': cell 'gru' takes cell.reset_after; to give it only to the variants"
                        + " using lstm, write lstm.forget_bias");
    }

    @Test
    void aScopedOptionIsCheckedAgainstItsComponent() {
        var result = run(languageModel(), "cell", "lstm,gru", "lstm.reset_after", "true", "gru.reset_after", "maybe");

        assertThat(result.getError().toJavaList()).containsExactlyInAnyOrder(
                "setting 'gru.reset_after' must be true or false but was 'maybe'",
                "unknown setting 'lstm.reset_after': cell 'lstm' takes lstm.forget_bias");
    }

    @Test
    void aScopedOptionForAComponentNoVariantUsesIsRefused() {
        var result = run(languageModel(), "gru.reset_after", "false", "sgd.momentum", "0.9");

        assertThat(result.getError().toJavaList()).containsExactly(
                "setting 'gru.reset_after' is for cell 'gru', which no variant uses",
                "setting 'sgd.momentum' is for optimizer 'sgd', which no variant uses");
    }

    @Test
    void aTrainerSettingScopedToTheTrainerBecomesTopLevel() {
        List<Variant> variants = run(languageModel(), "bptt.epochs", "3").get();

        assertThat(variants.getFirst().settings().values()).containsEntry("epochs", "3").doesNotContainKey("bptt.epochs");
    }

    @Test
    void aTaskSettingIsCheckedAgainstEveryTaskWhenTheVariantNamesNone() {
        // the task is chosen by the dataset once loaded; before that, any task that declares the key decides
        assertThat(run(languageModel(), "samples", "2").isValid()).isTrue();
        assertThat(run(languageModel(), "samples", "-1").getError().toJavaList())
                .containsExactly("setting 'samples' must not be negative but was '-1'");
        // named, the task's own settings only
        assertThat(run(languageModel(), "task", "classification", "samples", "2").getError().toJavaList())
                .singleElement().asString().startsWith("unknown setting 'samples'");
        List<Variant> scoped = run(languageModel(), "task", "lm", "lm.samples", "3").get();
        assertThat(scoped.getFirst().settings().values()).containsEntry("samples", "3");
    }

    @Test
    void formerNamesOfOptionsAreAccepted() {
        assertThat(run(languageModel(), "cell", "gru", "cell.resetAfter", "false").isValid()).isTrue();
    }

    @Test
    void requiredSettingsMissingAreProblems() {
        var result = run(Experiment.named("x").dataset("csv").tokenizer("word").build());

        assertThat(result.getError().toJavaList()).containsExactly(
                "setting 'cell' is required", "setting 'dataset.path' is required");
    }

    @Test
    void settingsWithoutScopedKeysAreLeftAsTheyWere() {
        Experiment e = languageModel();
        List<Variant> variants = run(e, "dataset.length", "6", "optimizer.beta1", "0.8").get();

        Map<String, String> expected = new java.util.TreeMap<>(e.settings());
        expected.put("dataset.length", "6");
        expected.put("optimizer.beta1", "0.8");
        assertThat(variants.getFirst().settings().values()).isEqualTo(expected);
    }

    @Test
    void optionsOfAComponentATaskSettingNamesAreCheckedAgainstThatComponent() {
        // a translation task names a tokenizer per side; their options go under the task's own key
        FakeRegistry pairs = new FakeRegistry(Map.of(
                org.rnnlab.api.ComponentKind.CELL, Map.of("rnn", SettingsSchema.EMPTY),
                org.rnnlab.api.ComponentKind.DATASET, Map.of("order", SettingsSchema.EMPTY),
                org.rnnlab.api.ComponentKind.TOKENIZER, Map.of(
                        "word", SettingsSchema.of("tokenizer word", SettingKey.flag("lowercase", "lower-case")),
                        "character", SettingsSchema.EMPTY),
                org.rnnlab.api.ComponentKind.TRAINER, Map.of("bptt", SettingsSchema.EMPTY),
                org.rnnlab.api.ComponentKind.TASK, Map.of("pairs", SettingsSchema.of("task pairs",
                        SettingKey.component("source.tokenizer", org.rnnlab.api.ComponentKind.TOKENIZER, "source side")
                                .defaultsTo("character"))),
                org.rnnlab.api.ComponentKind.OPTIMIZER, Map.of("adam", SettingsSchema.EMPTY)));
        Experiment e = Experiment.named("pairs").dataset("order").cell("rnn").set("task", "pairs").build();
        java.util.function.Function<String[], io.vavr.control.Validation<io.vavr.collection.Seq<String>, List<Variant>>> run =
                o -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (int i = 0; i < o.length; i += 2) {
                        m.put(o[i], o[i + 1]);
                    }
                    return e.variants(new GridRequest(m, Optional.empty(), false), pairs);
                };

        assertThat(run.apply(new String[] {"source.tokenizer", "word", "source.tokenizer.lowercase", "true"}).get()
                .getFirst().settings().values()).containsEntry("source.tokenizer.lowercase", "true");
        assertThat(run.apply(new String[] {"source.tokenizer", "word", "source.tokenizer.lowercase", "maybe"})
                .getError().toJavaList()).containsExactly("setting 'source.tokenizer.lowercase' must be true or false but was 'maybe'");
        // the default tokenizer, character, takes no options
        assertThat(run.apply(new String[] {"source.tokenizer.lowercase", "true"}).getError().toJavaList())
                .containsExactly("unknown setting 'source.tokenizer.lowercase': tokenizer 'character' takes no settings");
        assertThat(run.apply(new String[] {"source.tokenizer", "bpe"}).getError().toJavaList()).singleElement().asString()
                .startsWith("setting 'source.tokenizer': unknown tokenizer 'bpe'");
    }

    @Test
    void aNearMissIsSuggested() {
        assertThat(SettingsValidation.nearest("temprature", List.of("temperature", "top_k"))).isEqualTo("temperature");
        assertThat(SettingsValidation.nearest("xyz", List.of("temperature"))).isEmpty();
    }
}
