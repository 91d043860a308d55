package org.rnnlab.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.experiment.Settings;

class ScheduleSettingKeysTest {

    @Test
    void everyKeyTheScheduleReadsIsInItsSchema() {
        // an unknown one would be refused by --set before training
        for (String key : new String[] {"schedule", "schedule.step_epochs", "schedule.gamma", "schedule.min_lr",
                "schedule.warmup_steps", "lr"}) {
            assertThat(LearningRateSchedule.SETTINGS.key(key).isDefined()).as(key).isTrue();
            assertThat(LearningRateSchedule.SETTINGS.key(key).get().owner()).isEqualTo("schedule");
        }
        LearningRateSchedule schedule = LearningRateSchedule.of(Settings.of(Map.of("lr", "0.1", "schedule", "step",
                "schedule.step_epochs", "2", "schedule.gamma", "0.5")), 10, 10);
        assertThat(schedule.rate(25)).isEqualTo(0.05, Offset.offset(1e-12));
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        assertThatThrownBy(() -> LearningRateSchedule.of(Settings.of(Map.of("lr", "-1", "schedule", "linear")), 1, 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("2 problems:\n  - setting 'lr' must be positive but was '-1'"
                        + "\n  - setting 'schedule' must be one of constant, step, cosine, warmup but was 'linear'");
    }
}
