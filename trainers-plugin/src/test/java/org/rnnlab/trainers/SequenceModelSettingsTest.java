package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.engine.Safetensors;
import org.rnnlab.engine.Tensor;

/** The heap bound the tasks give the runtime before a run (issue 20, point 6). */
class SequenceModelSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theBoundIsTheCheapestCellsWeightsAndGradientsPlusOneStepOfStates() {
        // hidden 64, one layer, batch 32: 2 * 4 * 64 * (1 + 64) + 4 * 32 * 1 * 64
        assertThat(SequenceModelSettings.minimumHeapBytes(Settings.of(Map.of("hidden", "64", "batch", "32"))))
                .isEqualTo(2L * 4 * 64 * 65 + 4L * 32 * 64);
        // the sizes, each in range: 64 layers of 16,384 units, about 273 GB before a single batch
        long huge = SequenceModelSettings.minimumHeapBytes(Settings.of(Map.of("hidden", "16384", "layers", "64")));
        assertThat(huge).isEqualTo(2L * 4 * (16384L * 16385 + 63L * 16384 * 32768) + 4L * 32 * 64 * 16384);
        assertThat(huge).isGreaterThan(Runtime.getRuntime().maxMemory());
    }

    @Test
    void theBoundNeverExceedsWhatARealModelHolds() throws Exception {
        // a model trained and written by the real pipeline: its weights, doubled for gradients, are above the bound's weight part
        Map<String, String> settings = TrainerTest.adding("rnn", 1);
        settings.put("layers", "2");
        TrainerTest.train("bptt", settings, dir, new RecordingBus(), false);
        Map<String, Tensor> weights = Safetensors.read(dir.resolve("model.safetensors")).tensors();
        long floats = weights.values().stream().mapToLong(Tensor::size).sum();
        long bound = SequenceModelSettings.minimumHeapBytes(Settings.of(settings));
        long states = 4L * 16 * 2 * 8; // batch 16, two layers, hidden 8: one step's states
        assertThat(bound - states).isPositive().isLessThanOrEqualTo(2L * 4 * floats);
    }
}
