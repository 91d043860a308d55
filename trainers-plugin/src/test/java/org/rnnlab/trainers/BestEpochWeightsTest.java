package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.BestEpoch;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.engine.Safetensors;
import org.rnnlab.engine.Tensor;

/**
 * With a monitored metric, the test split is scored and the model saved with the best epoch's weights. The
 * authority is a second run of the same seed that simply ends at the best epoch: batches and weights
 * depend only on the seed and the epoch (constant learning rate), so that run's last weights are the
 * first run's best-epoch weights, bit for bit.
 */
class BestEpochWeightsTest {
    @TempDir
    Path dir;

    /**
     * An lstm classifier at a high learning rate on 96 order sequences (seed 42): validation loss is best
     * after epoch 2 (0.116), then rises (0.148, 0.167), so a patience of 2 stops after epoch 4, whose
     * weights are worse than epoch 2's.
     */
    static Map<String, String> overfitting(int epochs, int patience) {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "order", "dataset.length", "6",
                "dataset.count", "96", "dataset.validation", "40", "dataset.test", "40", "tokenizer", "word",
                "cell", "lstm", "hidden", "16", "epochs", Integer.toString(epochs), "batch", "8"));
        s.put("embedding", "8");
        s.put("lr", "0.03");
        s.put("early_stopping.metric", "val.loss");
        s.put("early_stopping.patience", Integer.toString(patience));
        return s;
    }

    @Test
    void theTestAndTheSavedModelAreTheBestEpochsNotTheLast() throws Exception {
        RecordingBus stopped = new RecordingBus();
        RunResult result = TrainerTest.train("bptt", overfitting(12, 2), dir.resolve("stopped"), stopped, false);
        List<EpochCompleted> epochs = stopped.of(EpochCompleted.class);
        assertThat(result.status()).isEqualTo(RunStatus.STOPPED_EARLY);
        assertThat(epochs).hasSize(4);
        double best = epochs.get(1).metrics().get("val.loss");
        assertThat(epochs.get(3).metrics().get("val.loss")).as("the last epoch is worse than the best").isGreaterThan(best);

        RunCompleted completed = stopped.of(RunCompleted.class).getLast();
        assertThat(completed.best()).isEqualTo(new BestEpoch(2, "val.loss", best, true));
        // the test confusion matrix is labelled with the epoch whose weights made it
        assertThat(stopped.of(Evaluation.class).getLast().split()).isEqualTo("test");
        assertThat(stopped.of(Evaluation.class).getLast().epoch()).isEqualTo(2);

        RecordingBus twoEpochs = new RecordingBus();
        RunResult reference = TrainerTest.train("bptt", overfitting(2, 0), dir.resolve("two"), twoEpochs, false);
        assertThat(twoEpochs.of(EpochCompleted.class).getLast().metrics().get("val.loss")).isEqualTo(best);
        assertThat(tensors(dir.resolve("stopped"))).as("saved model = the weights after epoch 2")
                .isEqualTo(tensors(dir.resolve("two")));
        assertThat(result.finalMetrics().get("test.loss")).isEqualTo(reference.finalMetrics().get("test.loss"));
        assertThat(result.finalMetrics().get("test.accuracy")).isEqualTo(reference.finalMetrics().get("test.accuracy"));
    }

    @Test
    void withRestoringOffTheLastEpochIsScoredAndSaved() throws Exception {
        Map<String, String> off = overfitting(12, 2);
        off.put("early_stopping.restore_best", "false");
        RecordingBus bus = new RecordingBus();
        RunResult result = TrainerTest.train("bptt", off, dir.resolve("off"), bus, false);
        assertThat(bus.of(RunCompleted.class).getLast().best().restored()).isFalse();
        assertThat(bus.of(RunCompleted.class).getLast().best().epoch()).isEqualTo(2);
        Map<String, String> fourEpochs = overfitting(4, 0);
        fourEpochs.put("early_stopping.restore_best", "false");
        RunResult four = TrainerTest.train("bptt", fourEpochs, dir.resolve("four"), new RecordingBus(), false);
        assertThat(tensors(dir.resolve("off"))).isEqualTo(tensors(dir.resolve("four")));
        assertThat(result.finalMetrics().get("test.loss")).isEqualTo(four.finalMetrics().get("test.loss"));
    }

    @Test
    void aResumedRunStillRestoresTheBestEpoch() throws Exception {
        // killed after epoch 3's checkpoint (best was epoch 2, so the checkpoint keeps epoch 2's weights beside epoch 3's)
        Map<String, String> s = overfitting(12, 2);
        Path folder = dir.resolve("resumed");
        try {
            TrainerTest.train("bptt", s, folder, new RecordingBus(e -> {
                if (e instanceof org.rnnlab.api.event.Checkpointed c && c.epoch() == 3) {
                    throw new IllegalStateException("killed");
                }
            }), false);
        } catch (IllegalStateException expected) {
            // the run stops as a kill would stop it
        }
        RecordingBus bus = new RecordingBus();
        TrainerTest.train("bptt", s, folder, bus, true);
        assertThat(bus.of(RunCompleted.class).getLast().best()).extracting(BestEpoch::epoch, BestEpoch::restored)
                .containsExactly(2, true);
        TrainerTest.train("bptt", overfitting(2, 0), dir.resolve("two"), new RecordingBus(), false);
        assertThat(tensors(folder)).isEqualTo(tensors(dir.resolve("two")));
    }

    /** The saved model's tensors as name -> values, comparable with equals. */
    private static Map<String, List<Float>> tensors(Path runFolder) throws Exception {
        Map<String, List<Float>> out = new java.util.TreeMap<>();
        for (Map.Entry<String, Tensor> e : Safetensors.read(runFolder.resolve("model.safetensors")).tensors().entrySet()) {
            float[] values = e.getValue().toArray();
            List<Float> list = new java.util.ArrayList<>(values.length);
            for (float v : values) {
                list.add(v);
            }
            out.put(e.getKey(), list);
        }
        return out;
    }
}
