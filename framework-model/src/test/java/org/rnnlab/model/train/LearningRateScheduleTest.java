package org.rnnlab.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.experiment.Settings;

/** Schedules at chosen steps; exact closed forms, so a 1e-12 tolerance only absorbs double rounding. */
class LearningRateScheduleTest {
    private static final double EXACT = 1e-12;

    @Test
    void constantByDefault() {
        LearningRateSchedule s = LearningRateSchedule.of(Settings.of(Map.of("lr", "0.5")), 10, 3);
        assertThat(s.rate(0)).isEqualTo(0.5);
        assertThat(s.rate(29)).isEqualTo(0.5);
    }

    @Test
    void stepDecaysEveryFewEpochs() {
        LearningRateSchedule s = LearningRateSchedule.of(Settings.of(Map.of("lr", "1", "schedule", "step",
                "schedule.step_epochs", "2", "schedule.gamma", "0.5")), 10, 6);
        assertThat(s.rate(19)).isCloseTo(1.0, within(EXACT));
        assertThat(s.rate(20)).isCloseTo(0.5, within(EXACT));
        assertThat(s.rate(45)).isCloseTo(0.25, within(EXACT));
    }

    @Test
    void cosineAnnealsToTheMinimum() {
        LearningRateSchedule s = LearningRateSchedule.of(Settings.of(Map.of("lr", "1", "schedule", "cosine",
                "schedule.min_lr", "0.1")), 10, 10);
        assertThat(s.rate(0)).isCloseTo(1.0, within(EXACT));
        assertThat(s.rate(50)).isCloseTo(0.55, within(EXACT));
        assertThat(s.rate(100)).isCloseTo(0.1, within(EXACT));
    }

    @Test
    void warmupRisesLinearly() {
        LearningRateSchedule s = LearningRateSchedule.of(Settings.of(Map.of("lr", "1", "schedule", "warmup",
                "schedule.warmup_steps", "4")), 10, 10);
        assertThat(s.rate(0)).isCloseTo(0.25, within(EXACT));
        assertThat(s.rate(3)).isCloseTo(1.0, within(EXACT));
        assertThat(s.rate(50)).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void unknownScheduleIsNamed() {
        assertThatThrownBy(() -> LearningRateSchedule.of(Settings.of(Map.of("schedule", "linear")), 1, 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'linear'").hasMessageContaining("cosine");
    }
}
