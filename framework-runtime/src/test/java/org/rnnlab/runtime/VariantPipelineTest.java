package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.UnknownComponentException;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.api.train.TrainingRun;
import org.rnnlab.engine.Safetensors;

/** {@link VariantPipeline}: what it hands the trainer, how it picks the task, and the model file it saves. */
class VariantPipelineTest {
    @TempDir
    Path dir;
    private final OrderedEventBus bus = new OrderedEventBus();

    @AfterEach
    void drain() {
        bus.close();
    }

    private static Variant variant(Map<String, String> settings) {
        return new Variant("v", Settings.of(settings), 7);
    }

    @Test
    void theTrainerGetsPreparedDataAModelAndAStoreThatWritesTheModelFile() throws Exception {
        AtomicReference<TrainingRun> seen = new AtomicReference<>();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "saves at once", run -> {
            seen.set(run);
            run.store().saveModel();
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));

        new VariantPipeline(registry).run("exp", variant(Map.of("dataset", "tiny")), dir, bus, false);

        TrainingRun run = seen.get();
        assertThat(run.task().id()).isEqualTo("fixture-task");
        assertThat(run.data().lengths("train")).hasSize(1);
        assertThat(run.seed()).isEqualTo(7);
        assertThat(run.store().directory()).isEqualTo(dir);
        // the codec's keys come first, in this order, so files stay byte-identical across versions
        Map<String, String> meta = Safetensors.read(dir.resolve(ModelFile.FILE_NAME)).metadata();
        assertThat(meta.keySet()).containsExactly(ModelFile.FORMAT, ModelFile.TASK, Safetensors.CHECKSUM);
        assertThat(meta).containsEntry(ModelFile.FORMAT, "fixture/1").containsEntry(ModelFile.TASK, "fixture-task");
        ModelFileCodec.Saved saved = ModelFileCodec.read(dir.resolve(ModelFile.FILE_NAME), registry);
        assertThat(saved.task().id()).isEqualTo("fixture-task");
    }

    @Test
    void aTaskThatRunsOnlyWhenNamedIsNeverChosenByItsDataset() throws Exception {
        AtomicReference<TrainingRun> seen = new AtomicReference<>();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "records the run", run -> {
            seen.set(run);
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        // "a-vectors" comes first by id and accepts every dataset, as word2vec accepts every text
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer,
                new FixtureTask("a-vectors", true)), FixturePlugin.pipeline()));

        new VariantPipeline(registry).run("exp", variant(Map.of("dataset", "tiny")), dir.resolve("unnamed"), bus, false);
        assertThat(seen.get().task().id()).isEqualTo("fixture-task");
        new VariantPipeline(registry).run("exp", variant(Map.of("dataset", "tiny", "task", "a-vectors")),
                dir.resolve("named"), bus, false);
        assertThat(seen.get().task().id()).isEqualTo("a-vectors");
    }

    @Test
    void aVariantWithoutDatasetOrWithAnUnknownTaskIsRefusedByName() {
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", FixtureTrainer.completing("bptt")),
                FixturePlugin.pipeline()));
        VariantPipeline pipeline = new VariantPipeline(registry);

        assertThatThrownBy(() -> pipeline.run("exp", variant(Map.of()), dir, bus, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("setting 'dataset' is required");
        assertThatThrownBy(() -> pipeline.run("exp", variant(Map.of("dataset", "tiny", "task", "translation")), dir,
                bus, false))
                .isInstanceOf(UnknownComponentException.class).hasMessageContaining("translation")
                .hasMessageContaining("fixture-task");
    }

    @Test
    void aModelFileOfATaskNoPluginProvidesIsRefusedNamingTheTask() throws Exception {
        Path file = dir.resolve(ModelFile.FILE_NAME);
        Safetensors.write(file, Map.of(), Map.of(ModelFile.FORMAT, "x/1", ModelFile.TASK, "TRANSLATION"));
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.pipeline()));

        assertThatThrownBy(() -> ModelFileCodec.read(file, registry))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("'TRANSLATION'")
                .hasMessageContaining("fixture-task");
    }
}
