package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.EpochCompleted;

/** Each epoch's event carries the learning rate of its last optimiser step, as the report charts it. */
class LearningRateEventTest {
    @TempDir
    Path dir;

    @Test
    void aStepScheduleHalvesTheLoggedRateEveryEpoch() throws Exception {
        Map<String, String> s = new java.util.HashMap<>(TrainerTest.adding("gru", 3));
        s.put("schedule", "step");
        s.put("schedule.gamma", "0.5");
        RecordingBus bus = new RecordingBus();

        TrainerTest.train("bptt", s, dir, bus, false);

        // PyTorch's StepLR(step_size=1, gamma=0.5) stepped once per epoch: 0.01, 0.005, 0.0025
        assertThat(bus.of(EpochCompleted.class)).extracting(EpochCompleted::learningRate)
                .containsExactly(0.01, 0.005, 0.0025);
    }

    @Test
    void aCosineScheduleLogsTheRateOfTheEpochsLastStep() throws Exception {
        Map<String, String> s = new java.util.HashMap<>(TrainerTest.adding("gru", 2));
        s.put("schedule", "cosine");
        RecordingBus bus = new RecordingBus();

        TrainerTest.train("bptt", s, dir, bus, false);

        // 64 sequences in batches of 16: 4 steps an epoch, 8 in all; epoch 1 ends at step 3, epoch 2 at step 7
        // (CosineAnnealingLR with T_max 8, eta_min 0: 0.01 * (1 + cos(pi * step / 8)) / 2)
        assertThat(bus.of(EpochCompleted.class)).extracting(EpochCompleted::learningRate)
                .containsExactly(0.01 * (1 + Math.cos(Math.PI * (3.0 / 8))) / 2, 0.01 * (1 + Math.cos(Math.PI * (7.0 / 8))) / 2);
    }
}
