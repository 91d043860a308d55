package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.event.ClaimVerdict;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Claim;
import org.rnnlab.api.experiment.Claim.Measure;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;

/** Claims against hand-made run ends: means over seeds, directions, spreads, and when a claim is not checked. */
class ClaimCheckTest {
    private final List<Variant> variants = new ArrayList<>();
    private final ClaimCheck check = new ClaimCheck();

    private void end(String group, long seed, RunStatus status, double accuracy, double bestLoss) {
        String name = group + "_s" + seed;
        variants.add(new Variant(name, Settings.of(Map.of()), seed));
        check.onEvent(new RunCompleted("x", name, status, Map.of("test.accuracy", accuracy),
                Map.of("val.loss", bestLoss), 10));
    }

    private List<ClaimChecked> verdicts(Map<String, String> request, Claim... claims) {
        return check.verdicts(new ExperimentPlan("x", "", "", variants, request, Map.of(), List.of(claims)));
    }

    private ClaimChecked only(Claim claim) {
        return verdicts(Map.of("quick", "false"), claim).getFirst();
    }

    @Test
    void aThresholdHoldsOnTheMeanOverSeedsAndFailsOutsideIt() {
        end("lstm", 1, RunStatus.COMPLETED, 0.80, 0.5);
        end("lstm", 2, RunStatus.STOPPED_EARLY, 0.90, 0.4);
        ClaimChecked holds = only(Claim.atLeast(Measure.last("test.accuracy"), 0.84, "a table", "lstm"));
        assertThat(holds.verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(holds.measured().get("lstm")).isEqualTo(0.85, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(holds.detail()).contains("0.85 (0.8 to 0.9 over 2 seeds)");
        assertThat(holds.source()).isEqualTo("a table");
        assertThat(only(Claim.atLeast(Measure.last("test.accuracy"), 0.86, "a table", "lstm")).verdict())
                .isEqualTo(ClaimVerdict.FAILS);
        // the best value over epochs, not the final one
        assertThat(only(Claim.between(Measure.best("val.loss"), 0.44, 0.46, "s", "lstm")).verdict())
                .isEqualTo(ClaimVerdict.HOLDS);
    }

    @Test
    void anOrderFollowsTheMetricsDirection() {
        end("gru", 1, RunStatus.COMPLETED, 0.9, 0.2);
        end("rnn", 1, RunStatus.COMPLETED, 0.6, 0.7);
        // higher accuracy is better, lower loss is better: gru leads both ways
        assertThat(only(Claim.order(Measure.last("test.accuracy"), "s", "gru", "rnn")).verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(only(Claim.order(Measure.best("val.loss"), "s", "gru", "rnn")).verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(only(Claim.order(Measure.last("test.accuracy"), "s", "rnn", "gru")).verdict()).isEqualTo(ClaimVerdict.FAILS);
    }

    @Test
    void orderAndGapNameTheGroupsTheyCompareEvenWhenNotCheckedAndAThresholdNone() {
        end("gru", 1, RunStatus.COMPLETED, 0.9, 0.2);
        end("rnn", 1, RunStatus.COMPLETED, 0.6, 0.7);
        assertThat(only(Claim.order(Measure.best("val.loss"), "s", "gru", "rnn")).compared())
                .isEqualTo(new ClaimChecked.Compared("val.loss", true, List.of("gru", "rnn")));
        assertThat(only(Claim.gap(Measure.last("test.accuracy"), "gru", "rnn", 0.1, "s")).compared())
                .isEqualTo(new ClaimChecked.Compared("test.accuracy", false, List.of("gru", "rnn")));
        assertThat(only(Claim.atLeast(Measure.last("test.accuracy"), 0.5, "s")).compared()).isEqualTo(ClaimChecked.Compared.NONE);
        ClaimChecked quick = verdicts(Map.of("quick", "true"), Claim.order(Measure.last("test.accuracy"), "s", "gru", "rnn")).getFirst();
        assertThat(quick.verdict()).isEqualTo(ClaimVerdict.NOT_CHECKED);
        assertThat(quick.compared().bestFirst()).containsExactly("gru", "rnn");
    }

    @Test
    void aGapMustExceedTheSpreadOverSeeds() {
        end("a", 1, RunStatus.COMPLETED, 0.90, 1);
        end("a", 2, RunStatus.COMPLETED, 0.70, 1);
        end("b", 1, RunStatus.COMPLETED, 0.65, 1);
        end("b", 2, RunStatus.COMPLETED, 0.63, 1);
        // means 0.80 and 0.64: a gap of 0.16, above the minimum 0.05 but below a's spread of 0.20
        ClaimChecked c = only(Claim.gap(Measure.last("test.accuracy"), "a", "b", 0.05, "s"));
        assertThat(c.verdict()).isEqualTo(ClaimVerdict.FAILS);
        assertThat(c.measured().get("gap")).isEqualTo(0.16, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.measured().get("spread")).isEqualTo(0.20, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(only(Claim.gap(Measure.last("test.accuracy"), "a", "b", 0.2, "s")).verdict()).isEqualTo(ClaimVerdict.FAILS);
    }

    @Test
    void aTieHoldsOnlyWhenTheMeansDifferByLessThanTheSpreadOverSeeds() {
        end("a", 1, RunStatus.COMPLETED, 0.82, 1);
        end("a", 2, RunStatus.COMPLETED, 0.71, 1);
        end("b", 1, RunStatus.COMPLETED, 0.75, 1);
        end("b", 2, RunStatus.COMPLETED, 0.77, 1);
        end("c", 1, RunStatus.COMPLETED, 0.54, 1);
        end("c", 2, RunStatus.COMPLETED, 0.52, 1);
        // means 0.765 and 0.76: a difference of 0.005 against a's spread of 0.11
        ClaimChecked even = only(Claim.tie(Measure.last("test.accuracy"), "a", "b", "s"));
        assertThat(even.verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(even.measured().get("difference")).isEqualTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(even.measured().get("spread")).isEqualTo(0.11, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(even.compared()).isEqualTo(new ClaimChecked.Compared("test.accuracy", false, List.of("a", "b")));
        // 0.76 against 0.53, spreads 0.02: seeds do not explain that
        ClaimChecked apart = only(Claim.tie(Measure.last("test.accuracy"), "b", "c", "s"));
        assertThat(apart.verdict()).isEqualTo(ClaimVerdict.FAILS);
        assertThat(apart.detail()).contains("difference 0.23").contains("spread over seeds 0.02");
    }

    @Test
    void aTieWithOneSeedEachIsNotMeasured() {
        end("a", 1, RunStatus.COMPLETED, 0.9, 1);
        end("b", 1, RunStatus.COMPLETED, 0.9, 1);
        ClaimChecked c = only(Claim.tie(Measure.last("test.accuracy"), "a", "b", "s"));
        assertThat(c.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(c.detail()).contains("one seed");
    }

    @Test
    void withOneSeedTheGapIsCheckedAgainstItsMinimumAndSaysSo() {
        end("a", 1, RunStatus.COMPLETED, 0.9, 1);
        end("b", 1, RunStatus.COMPLETED, 0.6, 1);
        ClaimChecked c = only(Claim.gap(Measure.last("test.accuracy"), "a", "b", 0.2, "s"));
        assertThat(c.verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(c.detail()).contains("one seed each");
    }

    @Test
    void aGroupWithoutARunThatTrainedToTheEndIsNotMeasured() {
        end("lstm", 1, RunStatus.DIVERGED, 0.5, 1);
        end("gru", 1, RunStatus.COMPLETED, 0.9, 1);
        ClaimChecked c = only(Claim.atLeast(Measure.last("test.accuracy"), 0.1, "s", "lstm", "gru"));
        assertThat(c.verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
        assertThat(c.verdict().failsCheck()).isTrue();
        assertThat(c.detail()).contains("lstm").contains("lstm_s1 diverged");
        assertThat(only(Claim.atLeast(Measure.last("test.accuracy"), 0.1, "s", "irnn")).detail())
                .contains("no variant 'irnn'");
        assertThat(only(Claim.atLeast(Measure.last("test.f1"), 0.1, "s", "gru")).verdict()).isEqualTo(ClaimVerdict.NOT_MEASURED);
    }

    @Test
    void claimsForTheDefaultsAreNotCheckedUnderQuickOrOverrides() {
        end("gru", 1, RunStatus.COMPLETED, 0.9, 1);
        Claim defaultsOnly = Claim.atLeast(Measure.last("test.accuracy"), 0.99, "s", "gru");
        Claim quickToo = defaultsOnly.alsoQuick();
        List<ClaimChecked> quick = verdicts(Map.of("quick", "true"), defaultsOnly, quickToo);
        assertThat(quick).extracting(ClaimChecked::verdict).containsExactly(ClaimVerdict.NOT_CHECKED, ClaimVerdict.FAILS);
        assertThat(quick.getFirst().detail()).contains("for the defaults").contains("--quick");
        List<ClaimChecked> overridden = verdicts(Map.of("quick", "false", "set.hidden", "8"), defaultsOnly, quickToo);
        assertThat(overridden).extracting(ClaimChecked::verdict).containsOnly(ClaimVerdict.NOT_CHECKED);
        assertThat(overridden.getFirst().detail()).contains("hidden=8");
        assertThat(ClaimVerdict.NOT_CHECKED.failsCheck()).isFalse();
        // more seeds keep a claim checked
        assertThat(verdicts(Map.of("quick", "false", "seeds", "3"), defaultsOnly).getFirst().verdict())
                .isEqualTo(ClaimVerdict.FAILS);
    }

    @Test
    void aGroupIsTheVariantsNameWithoutItsSeed() {
        assertThat(ClaimCheck.group(new Variant("bag-of-words_s2", Settings.of(Map.of()), 2))).isEqualTo("bag-of-words");
        assertThat(ClaimCheck.group(new Variant("lstm_64_s1", Settings.of(Map.of()), 1))).isEqualTo("lstm_64");
        assertThat(ClaimCheck.group(new Variant("s1", Settings.of(Map.of()), 1))).isEmpty();
        assertThat(ClaimCheck.group(new Variant("lstm_s1-2", Settings.of(Map.of()), 1))).isEqualTo("lstm");
    }
}
