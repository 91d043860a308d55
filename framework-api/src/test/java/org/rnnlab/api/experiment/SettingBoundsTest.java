package org.rnnlab.api.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sizes, counts and rates out of range are refused with the type checks, all at once, before any training (issue 20). */
class SettingBoundsTest {
    private final FakeRegistry registry = FakeRegistry.standard();

    private static Experiment small() {
        return Experiment.named("small").dataset("order").tokenizer("word").cell("lstm")
                .hidden(32).epochs(2).batchSize(8).learningRate(3e-3).build();
    }

    private Validation<Seq<String>, List<Variant>> with(Map<String, String> overrides) {
        return small().variants(new GridRequest(overrides, Optional.empty(), false), registry);
    }

    private List<String> problems(String key, String value) {
        Validation<Seq<String>, List<Variant>> v = with(Map.of(key, value));
        return v.isInvalid() ? v.getError().toJavaList() : List.of();
    }

    @Test
    void theIssuesValuesAreEachRefusedWithTheRangeAndTheValue() {
        assertThat(problems("hidden", "0")).containsExactly("setting 'hidden' must be between 1 and 16384 but was 0");
        assertThat(problems("hidden", "-5")).containsExactly("setting 'hidden' must be between 1 and 16384 but was -5");
        assertThat(problems("epochs", "0")).containsExactly("setting 'epochs' must be between 1 and 1000000 but was 0");
        assertThat(problems("batch", "0")).containsExactly("setting 'batch' must be between 1 and 65536 but was 0");
        assertThat(problems("lr", "-1")).containsExactly("setting 'lr' must be greater than 0.0 but was -1");
        assertThat(problems("layers", "100000")).containsExactly("setting 'layers' must be between 1 and 64 but was 100000");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Validation<Seq<String>, List<Variant>> v = with(Map.of("hidden", "0", "epochs", "0", "batch", "0", "lr", "-1",
                "layers", "100000"));
        assertThat(v.isInvalid()).isTrue();
        assertThat(v.getError()).hasSize(5);
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() {
        for (var e : Map.of("hidden", "1", "layers", "64", "epochs", "1", "batch", "1", "lr", "1e-12", "embedding", "0",
                "clip", "0", "schedule.gamma", "1").entrySet()) {
            assertThat(problems(e.getKey(), e.getValue())).as(e.toString()).isEmpty();
        }
        assertThat(problems("lr", "0")).containsExactly("setting 'lr' must be greater than 0.0 but was 0");
        assertThat(problems("schedule.gamma", "0")).containsExactly("setting 'schedule.gamma' must be greater than 0.0 and at most 1.0 but was 0");
    }

    @Test
    void aValueThatIsNotANumberIsReportedOnceByItsType() {
        assertThat(problems("hidden", "abc")).containsExactly("setting 'hidden' must be an integer but was 'abc'");
    }

    @Test
    void everyBoundIsOnAKnownNumericKey() {
        SettingBounds.RANGES.keySet().forEach(key -> assertThat(SettingsSchema.key(key)).as(key).get()
                .extracting(SettingKey::type).isIn(SettingType.INTEGER, SettingType.REAL));
    }
}
