package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.RunStatus;

/**
 * Issue 20, point 5: a checkpoint with a valid checksum whose tensors do not match the model and optimizer
 * is refused in one line naming the file and the tensor, instead of resuming into a different model. Each
 * case edits the checkpoint a one-epoch run left and resumes it for a second epoch.
 */
class CheckpointFitTest {
    @TempDir
    Path dir;

    private Path checkpointAfterOneEpoch(Map<String, String> settings) throws Exception {
        settings.put("epochs", "1");
        TrainerTest.train("bptt", settings, dir, new RecordingBus(), false);
        settings.put("epochs", "2");
        return dir.resolve("checkpoint").resolve("epoch-0001.ckpt");
    }

    @Test
    void theUneditedCheckpointResumes() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        Path file = checkpointAfterOneEpoch(settings);
        // the editor reads and writes the format faithfully: a rewritten, unchanged file still resumes
        new CheckpointEditor(file).write(file);
        RecordingBus resumed = new RecordingBus();
        assertThat(TrainerTest.train("bptt", settings, dir, resumed, true).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.of(EpochCompleted.class)).extracting(EpochCompleted::epoch).containsExactly(2);
    }

    @Test
    void aCheckpointLackingOneOptimizerTensorIsRefusedNamingFileAndTensor() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        Path file = checkpointAfterOneEpoch(settings);
        CheckpointEditor edit = new CheckpointEditor(file);
        assertThat(edit.tensors.remove("optimizer/weight_hh_l0.exp_avg_sq")).isNotNull();
        edit.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .isInstanceOf(RnnlabException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("lacks tensor 'weight_hh_l0.exp_avg_sq'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aModelTensorOfAnotherShapeIsRefusedNamingBothShapes() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        Path file = checkpointAfterOneEpoch(settings);
        CheckpointEditor edit = new CheckpointEditor(file);
        CheckpointEditor.Tensor t = edit.tensors.get("model/weight_hh_l0");
        assertThat(t.shape()).containsExactly(24, 8);
        edit.tensors.put("model/weight_hh_l0", new CheckpointEditor.Tensor(new int[] {8, 24}, t.values()));
        edit.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor 'model/weight_hh_l0' has shape [8, 24] but the model's is [24, 8]");
    }

    @Test
    void aMissingOrExtraModelTensorIsRefused() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        Path file = checkpointAfterOneEpoch(settings);
        CheckpointEditor original = new CheckpointEditor(file);

        CheckpointEditor missing = new CheckpointEditor(file);
        missing.tensors.remove("model/bias_ih_l0");
        missing.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining(file.toString()).hasMessageContaining("lacks tensor 'model/bias_ih_l0'");

        CheckpointEditor extra = original;
        extra.tensors.put("model/weight_ih_l1", extra.tensors.get("model/weight_hh_l0"));
        extra.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor 'model/weight_ih_l1' is not a parameter of the model");
    }

    @Test
    void theBestEpochsWeightsMustBeTheModelsTensorsToo() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        Path file = checkpointAfterOneEpoch(settings);
        CheckpointEditor edit = new CheckpointEditor(file);
        // a copy of the model under best/ (what BestWeights stores when the best epoch is not the last), one of another shape
        Map<String, CheckpointEditor.Tensor> best = new java.util.LinkedHashMap<>();
        edit.tensors.forEach((name, t) -> {
            if (name.startsWith("model/")) {
                best.put("best/" + name.substring("model/".length()), t);
            }
        });
        CheckpointEditor.Tensor t = best.get("best/weight_hh_l0");
        best.put("best/weight_hh_l0", new CheckpointEditor.Tensor(new int[] {8, 24}, t.values()));
        edit.tensors.putAll(best);
        edit.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor 'best/weight_hh_l0' has shape [8, 24] but the model's is [24, 8]");
    }

    @Test
    void anOptimizerSlotOfAnotherSizeOrForNoParameterIsRefused() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        Path file = checkpointAfterOneEpoch(settings);
        CheckpointEditor original = new CheckpointEditor(file);

        CheckpointEditor shorter = new CheckpointEditor(file);
        shorter.tensors.put("optimizer/bias_hh_l0.exp_avg", new CheckpointEditor.Tensor(new int[] {3}, new float[3]));
        shorter.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'bias_hh_l0.exp_avg' has 3 elements but parameter 'bias_hh_l0' has 24");

        original.tensors.put("optimizer/ghost.exp_avg", new CheckpointEditor.Tensor(new int[] {2}, new float[2]));
        original.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining(file.toString()).hasMessageContaining("'ghost.exp_avg'");
    }

    @Test
    void missingProgressMetadataIsRefusedNamingTheFile() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        Path file = checkpointAfterOneEpoch(settings);
        CheckpointEditor edit = new CheckpointEditor(file);
        assertThat(edit.metadata.remove("batches")).isNotNull();
        edit.write(file);
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining(file.toString()).hasMessageContaining("progress metadata");
    }
}
