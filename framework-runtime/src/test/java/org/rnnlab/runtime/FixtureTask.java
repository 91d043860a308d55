package org.rnnlab.runtime;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.ModelRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskEvaluation;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.TokenizerUse;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;

/** A task for runner tests: it learns from any dataset with a model of no parameters. */
final class FixtureTask implements Task {
    private final String id;
    private final boolean onlyWhenNamed;

    FixtureTask() {
        this("fixture-task", false);
    }

    /** A task under another id, which may run only when a variant names it. */
    FixtureTask(String id, boolean onlyWhenNamed) {
        this.id = id;
        this.onlyWhenNamed = onlyWhenNamed;
    }

    @Override public String id() { return id; }
    @Override public boolean onlyWhenNamed() { return onlyWhenNamed; }
    @Override public String description() { return "learns nothing"; }
    @Override public boolean accepts(Dataset dataset) { return true; }
    @Override public List<TokenizerUse> tokenizers(Dataset dataset) { return List.of(); }

    @Override
    public TaskData prepare(Dataset dataset, Map<String, FittedTokenizer> tokenizers) {
        return new TaskData() {
            @Override public int[] lengths(String split) { return new int[dataset.split(split).size()]; }
            @Override public List<String> labels() { return dataset.labels(); }
        };
    }

    @Override
    public TaskModel build(TaskData data, ModelRequest request) {
        return new TaskModel() {
            @Override public List<Parameter> parameters() { return List.of(); }
            @Override public void load(Map<String, Tensor> values) {}
            @Override public void trainBatch(TaskData d, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update) {
                update.afterBackward(0, 1, null);
            }
        };
    }

    @Override
    public TaskEvaluation evaluate(TaskModel model, TaskData data, String split, String prefix, int batchSize) {
        return new TaskEvaluation(Map.of(prefix + ".loss", 0.0), null);
    }

    @Override public Map<String, String> modelMetadata(TaskData data, TaskModel model) { return Map.of(); }

    @Override
    public TaskModel rebuild(ModelFile file, ComponentRegistry registry) {
        throw new UnsupportedOperationException("the fixture task saves no model worth rebuilding");
    }

    @Override public String modelFormat() { return "fixture/1"; }
}
