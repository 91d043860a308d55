package org.rnnlab.api.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExperimentTest {
    private final FakeRegistry registry = FakeRegistry.standard();

    private static Experiment orderMatters() {
        return Experiment.named("order-matters")
                .dataset("order").set("dataset.length", 12)
                .tokenizer("word").hidden(32).epochs(8).learningRate(3e-3)
                .vary("cell", "rnn", "lstm")
                .seeds(2)
                .quick(Map.of("epochs", "2"))
                .build();
    }

    private static List<Variant> valid(io.vavr.control.Validation<io.vavr.collection.Seq<String>, List<Variant>> v) {
        assertThat(v.isValid()).as("problems: %s", v.isInvalid() ? v.getError() : "").isTrue();
        return v.get();
    }

    @Nested
    @DisplayName("the grid")
    class Grid {
        @Test
        void isTheProductOfAxesAndSeedsWithReadableNames() {
            List<Variant> variants = valid(orderMatters().variants(registry));
            assertThat(variants).extracting(Variant::name)
                    .containsExactly("rnn_s1", "rnn_s2", "lstm_s1", "lstm_s2");
            assertThat(variants.get(2).settings().string("cell")).isEqualTo("lstm");
            assertThat(variants.get(3).seed()).isEqualTo(2L);
            assertThat(variants.get(0).settings().get(FakeRegistry.EPOCHS)).isEqualTo(8);
        }

        @Test
        void quickAppliesTheExperimentsOwnOverrides() {
            List<Variant> variants = valid(orderMatters().variants(
                    new GridRequest(Map.of(), Optional.empty(), true), registry));
            assertThat(variants).allSatisfy(v -> assertThat(v.settings().get(FakeRegistry.EPOCHS)).isEqualTo(2));
        }

        @Test
        void aListOverrideReplacesTheAxisAndPluralsAreAccepted() {
            List<Variant> variants = valid(orderMatters().variants(
                    new GridRequest(Map.of("cells", "lstm,gru"), Optional.of(1), false), registry));
            assertThat(variants).extracting(Variant::name).containsExactly("lstm_s1", "gru_s1");
        }

        @Test
        void aSingleOverrideOfAnAxisCollapsesIt() {
            List<Variant> variants = valid(orderMatters().variants(
                    new GridRequest(Map.of("cell", "gru", "hidden", "8"), Optional.of(1), false), registry));
            assertThat(variants).hasSize(1);
            assertThat(variants.getFirst().settings().get(FakeRegistry.HIDDEN)).isEqualTo(8);
        }

        @Test
        void linkedAlternativesSetSeveralSettings() {
            Experiment e = Experiment.named("x").dataset("order")
                    .vary("model", List.of(
                            Alternative.of("bag-of-words", Map.of("tokenizer", "bag-of-words", "cell", "rnn")),
                            Alternative.of("lstm", Map.of("tokenizer", "word", "cell", "lstm"))))
                    .build();
            List<Variant> variants = valid(e.variants(registry));
            assertThat(variants.getFirst().settings().string("tokenizer")).isEqualTo("bag-of-words");
            assertThat(variants.get(1).settings().string("cell")).isEqualTo("lstm");
        }

        @Test
        void sameRequestGivesTheSameGrid() {
            assertThat(valid(orderMatters().variants(registry))).isEqualTo(valid(orderMatters().variants(registry)));
        }
    }

    @Nested
    @DisplayName("validation")
    class ValidationOfSettings {
        @Test
        void reportsEveryProblemAtOnce() {
            var result = orderMatters().variants(new GridRequest(Map.of(
                    "hiden", "64", "epochs", "many", "lr", "fast", "optimizer", "adamm", "dataset.lenght", "3"),
                    Optional.empty(), false), registry);
            assertThat(result.isInvalid()).isTrue();
            List<String> problems = result.getError().toJavaList();
            assertThat(problems).hasSize(5);
            assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("unknown setting 'hiden' (did you mean 'hidden'?); known settings: "));
            assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("setting 'epochs' must be an integer but was 'many'"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("'lr' must be a finite number"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown optimizer 'adamm'").contains("adam"));
            assertThat(problems).anySatisfy(p -> assertThat(p)
                    .isEqualTo("unknown setting 'dataset.lenght': dataset 'order' takes dataset.count, dataset.length"));
        }

        @Test
        void unknownCellInAnAxisListsTheCellsThatExist() {
            var result = orderMatters().variants(new GridRequest(Map.of("cells", "lstm,mgu"), Optional.empty(), false), registry);
            assertThat(result.getError().toJavaList()).containsExactly(
                    "setting 'cell': unknown cell 'mgu'; known cells: gru, lstm, rnn");
        }

        @Test
        void zeroSeedsIsRefused() {
            var result = orderMatters().variants(new GridRequest(Map.of(), Optional.of(0), false), registry);
            assertThat(result.getError().toJavaList()).containsExactly("--seeds must be at least 1 but was 0");
        }
    }
}
