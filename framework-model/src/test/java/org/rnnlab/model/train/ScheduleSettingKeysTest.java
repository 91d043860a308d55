package org.rnnlab.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.model.train.LearningRateSchedule;

class ScheduleSettingKeysTest {

    @Test
    void everyScheduleKeyTheScheduleReadsIsKnown() {
        // the keys LearningRateSchedule reads; an unknown one would be refused by --set before training
        for (String key : new String[] {"schedule", "schedule.step_epochs", "schedule.gamma", "schedule.min_lr",
                "schedule.warmup_steps", "lr"}) {
            assertThat(SettingsSchema.key(key)).as(key).isPresent();
        }
        LearningRateSchedule schedule = LearningRateSchedule.of(Settings.of(Map.of("lr", "0.1", "schedule", "step",
                "schedule.step_epochs", "2", "schedule.gamma", "0.5")), 10, 10);
        assertThat(schedule.rate(25)).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    }
}
