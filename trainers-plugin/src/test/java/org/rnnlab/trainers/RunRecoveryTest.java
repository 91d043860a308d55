package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.train.RunResult;

/**
 * Issue 6, must show 2-4 in process: determinism, resume after a kill in the middle of epoch 3 of 5,
 * divergence with a sibling run completing. (A kill during a checkpoint write: {@link CheckpointStoreTest}.)
 */
class RunRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void sameSettingsAndSeedGiveByteIdenticalModelsAndMetrics() throws Exception {
        RecordingBus first = new RecordingBus();
        RecordingBus second = new RecordingBus();
        RunResult a = TrainerTest.train("bptt", TrainerTest.adding("lstm", 2), dir.resolve("a"), first, false);
        RunResult b = TrainerTest.train("bptt", TrainerTest.adding("lstm", 2), dir.resolve("b"), second, false);
        assertThat(TrainerTest.modelBytes(dir.resolve("b"))).isEqualTo(TrainerTest.modelBytes(dir.resolve("a")));
        assertThat(TrainerTest.metrics(second)).isEqualTo(TrainerTest.metrics(first));
        assertThat(b.finalMetrics()).isEqualTo(a.finalMetrics());
    }

    @Test
    void runKilledInEpochThreeAndResumedEqualsAnUninterruptedRun() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 5);
        RecordingBus whole = new RecordingBus();
        RunResult uninterrupted = TrainerTest.train("bptt", settings, dir.resolve("whole"), whole, false);

        Path killedDir = dir.resolve("killed");
        RecordingBus dying = new RecordingBus(e -> {
            if (e instanceof BatchCompleted b && b.epoch() == 3 && b.batch() == 2) {
                throw new Killed();
            }
        });
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, killedDir, dying, false)).isInstanceOf(Killed.class);
        assertThat(killedDir.resolve("model.safetensors")).doesNotExist();

        RecordingBus resumed = new RecordingBus();
        RunResult after = TrainerTest.train("bptt", settings, killedDir, resumed, true);
        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(resumed.of(EpochCompleted.class)).extracting(EpochCompleted::epoch).containsExactly(3, 4, 5);
        assertThat(TrainerTest.modelBytes(killedDir)).isEqualTo(TrainerTest.modelBytes(dir.resolve("whole")));
        assertThat(TrainerTest.metrics(resumed)).isEqualTo(TrainerTest.metrics(whole).subList(2, 5));
        assertThat(after.finalMetrics()).isEqualTo(uninterrupted.finalMetrics());
        assertThat(after.bestMetrics()).isEqualTo(uninterrupted.bestMetrics());
    }

    @Test
    void resumingWithOtherSettingsIsRefusedNamingThem() throws Exception {
        Map<String, String> settings = TrainerTest.adding("gru", 1);
        TrainerTest.train("bptt", settings, dir, new RecordingBus(), false);
        settings.put("hidden", "9");
        settings.put("epochs", "2");
        assertThatThrownBy(() -> TrainerTest.train("bptt", settings, dir, new RecordingBus(), true))
                .hasMessageContaining("hidden '8' -> '9'").hasMessageContaining("epoch 1");
    }

    @Test
    void hugeLearningRateDivergesWithTheStepNamedWhileASiblingCompletes() throws Exception {
        Map<String, String> wild = TrainerTest.adding("irnn", 3);
        wild.put("optimizer", "sgd");
        wild.put("lr", "1e12");
        wild.remove("clip");
        Map<String, String> calm = TrainerTest.adding("gru", 3);
        RecordingBus wildBus = new RecordingBus();
        RecordingBus calmBus = new RecordingBus();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RunResult> diverging = pool.submit(() -> TrainerTest.train("bptt", wild, dir.resolve("wild"), wildBus, false));
            Future<RunResult> sibling = pool.submit(() -> TrainerTest.train("bptt", calm, dir.resolve("calm"), calmBus, false));
            assertThat(diverging.get().status()).isEqualTo(RunStatus.DIVERGED);
            assertThat(sibling.get().status()).isEqualTo(RunStatus.COMPLETED);
        } finally {
            pool.shutdown();
        }
        List<RunDiverged> diverged = wildBus.of(RunDiverged.class);
        assertThat(diverged).hasSize(1);
        RunDiverged d = diverged.getFirst();
        System.out.println("diverged: " + d);
        assertThat(d.step()).isPositive();
        assertThat(d.reason()).contains("step " + d.step());
        assertThat(d.lastFiniteLoss()).isFinite();
        assertThat(wildBus.events.getLast()).isInstanceOfSatisfying(RunCompleted.class,
                c -> assertThat(c.status()).isEqualTo(RunStatus.DIVERGED));
        assertThat(calmBus.of(EpochCompleted.class)).hasSize(3);
    }

    /** Stands for SIGKILL: thrown from inside the run, never caught by the trainer. */
    private static final class Killed extends RuntimeException {
        Killed() {
            super("killed in epoch 3");
        }
    }
}
