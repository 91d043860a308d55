package org.rnnlab.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.experiment.RuntimeSettings;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.task.ModelRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.TokenizerUse;
import org.rnnlab.api.task.WordEmbedding;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.api.train.TrainerFactory;
import org.rnnlab.api.train.TrainingRun;

/**
 * Everything one variant needs before it trains, in order: resolve the trainer and the task, take the
 * dataset from the experiment's {@link DatasetCache} (loaded and split once per distinct dataset and
 * seed), create and fit the tokenizer(s) the task asks for, let the task encode the data (and publish its
 * {@linkplain Task#dataExcerpts excerpts of the test split}, if it has any) and build the
 * model (initial weights from the variant's seed; {@link EmbeddingImported} when its word embedding began as a
 * file's vectors), create the optimiser, and hand all of it to the
 * trainer with a {@link RunFolderStore} that saves checkpoints and the model file. The trainer only trains.
 *
 * <p>The task is the one the {@code task} setting names, else the first task, by id, that accepts the
 * dataset. The trainer is the one the {@code trainer} setting names, the optimiser the {@code optimizer}
 * setting with its options under {@code optimizer.} (defaults: {@link RuntimeSettings}).
 */
public final class VariantPipeline {
    /** The split whose excerpts a report shows beside the samples: the data the models are judged on. */
    static final String EXCERPT_SPLIT = "test";

    private final ComponentRegistry registry;
    private final DatasetCache datasets;

    /** A pipeline with a dataset cache of its own. */
    public VariantPipeline(ComponentRegistry registry) {
        this(registry, new DatasetCache(registry));
    }

    VariantPipeline(ComponentRegistry registry, DatasetCache datasets) {
        this.registry = registry;
        this.datasets = datasets;
    }

    /**
     * Prepares and trains one variant whose files go to {@code folder}; {@code resume} continues from the
     * folder's last checkpoint. Errors propagate as the trainer's would (the runner reports them as FAILED).
     */
    public RunResult run(String experiment, Variant variant, Path folder, EventBus bus, boolean resume) throws Exception {
        Settings settings = variant.settings();
        TrainerFactory trainer = registry.get(ComponentKind.TRAINER, settings.get(RuntimeSettings.TRAINER));
        Dataset dataset = datasets.of(settings, variant.seed());
        Task task = task(settings, dataset);
        TaskData data = task.prepare(dataset, fit(task.tokenizers(dataset), settings));
        List<String> excerpts = task.dataExcerpts(data, EXCERPT_SPLIT, settings);
        if (!excerpts.isEmpty()) {
            bus.publish(new DataExcerpts(experiment, variant.name(), EXCERPT_SPLIT, excerpts));
        }
        TaskModel model = task.build(data, new ModelRequest(settings, variant.seed(), registry));
        model.wordEmbedding().flatMap(WordEmbedding::embeddingImport).ifPresent(i -> bus.publish(
                new EmbeddingImported(experiment, variant.name(), i.file(), i.found(), i.words(), i.trainable())));
        Optimizer optimizer = registry.get(ComponentKind.OPTIMIZER, settings.get(RuntimeSettings.OPTIMIZER))
                .create(Settings.of(settings.under(RuntimeSettings.OPTIMIZER.name())));
        RunFolderStore store = new RunFolderStore(folder, task, data, model);
        return trainer.create().train(new TrainingRun(experiment, variant.name(), settings, variant.seed(), task, data,
                model, optimizer, store, bus, resume));
    }

    private Task task(Settings settings, Dataset dataset) {
        if (settings.find(RuntimeSettings.TASK).isDefined()) {
            Task named = registry.get(ComponentKind.TASK, settings.get(RuntimeSettings.TASK));
            if (!named.accepts(dataset)) {
                throw new ConfigException("setting 'task': task '" + named.id() + "' cannot learn from dataset '"
                        + dataset.id() + "' (" + dataset.kind() + ")");
            }
            return named;
        }
        List<Task> tasks = registry.all(ComponentKind.TASK);
        return tasks.stream().filter(t -> !t.onlyWhenNamed() && t.accepts(dataset)).findFirst()
                .orElseThrow(() -> new ConfigException("no task learns from dataset '" + dataset.id() + "' ("
                        + dataset.kind() + "); tasks: " + String.join(", ", tasks.stream().map(Task::id).toList())));
    }

    private Map<String, Task.FittedTokenizer> fit(List<TokenizerUse> uses, Settings settings) {
        Map<String, Task.FittedTokenizer> fitted = new LinkedHashMap<>();
        for (TokenizerUse use : uses) {
            String id = settings.string(use.setting(), use.fallback());
            Map<String, String> options = settings.under(use.setting());
            Tokenizer tokenizer = registry.get(ComponentKind.TOKENIZER, id).create(Settings.of(options));
            Vocabulary vocabulary = tokenizer.fit(use.texts());
            fitted.put(use.role(), new Task.FittedTokenizer(id, options, tokenizer, vocabulary));
        }
        return fitted;
    }
}
