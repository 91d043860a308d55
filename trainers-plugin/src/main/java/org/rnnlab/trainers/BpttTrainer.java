package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.TokenizerFactory;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.RunContext;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.api.train.Trainer;
import org.rnnlab.engine.Safetensors;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.TextGeneration;
import org.rnnlab.model.data.Batcher;
import org.rnnlab.model.train.LearningRateSchedule;

/**
 * Trains one variant with back-propagation through time, in full ({@code bptt}) or truncated to
 * {@code tbptt.k} steps with the state carried, detached, across chunks ({@code tbptt}).
 *
 * <p>Everything random is derived from the run's seed: the initial weights, each epoch's batch order
 * ({@link Batcher#epochSeed}) and each epoch's samples, so a run resumed from the checkpoint after epoch
 * {@code e} repeats exactly what an uninterrupted run does next. A checkpoint is written after every
 * epoch; the final model goes to {@code model.safetensors} with the vocabulary beside it.
 */
final class BpttTrainer implements Trainer {
    static final String MODEL_FILE = "model.safetensors";
    static final String VOCABULARY_FILE = "vocabulary.txt";
    static final String CHECKPOINT_FOLDER = "checkpoint";
    /** The {@code format} entry of a model file's metadata. */
    static final String MODEL_FORMAT = "rnnlab-sequence-model/1";

    private final boolean truncated;

    BpttTrainer(boolean truncated) {
        this.truncated = truncated;
    }

    @Override
    public RunResult train(RunContext context) throws IOException {
        long started = System.nanoTime();
        Settings settings = context.settings();
        RunSettings run = RunSettings.of(settings, truncated);
        ComponentRegistry registry = context.registry();
        DatasetProvider provider = registry.get(ComponentKind.DATASET, run.dataset());
        Dataset dataset = provider.load(RunSettings.under(settings, "dataset"), context.seed());
        Tokenizer tokenizer = null;
        if (dataset.train().getFirst() instanceof org.rnnlab.api.data.TextExample) {
            TokenizerFactory tf = registry.get(ComponentKind.TOKENIZER, run.tokenizer());
            tokenizer = tf.create(RunSettings.under(settings, "tokenizer"));
        }
        EncodedData data = new EncodedData(dataset, tokenizer);
        ModelSpec spec = new ModelSpec(dataset.kind(), data.tokenInput(), data.inputSize(),
                data.tokenInput() ? run.embedding() : 0, data.outputs(), run.cell(), run.hidden(), run.layers(),
                settings.under("cell"), run.fused());
        SequenceModel model = SequenceModel.create(registry.get(ComponentKind.CELL, run.cell()), spec,
                new SplittableRandom(context.seed()));
        Optimizer optimizer = registry.get(ComponentKind.OPTIMIZER, run.optimizer())
                .create(RunSettings.under(settings, "optimizer"));
        Batcher batcher = new Batcher(run.batch());
        int[] trainLengths = data.lengths("train");
        int batchesPerEpoch = (trainLengths.length + run.batch() - 1) / run.batch();
        LearningRateSchedule schedule = LearningRateSchedule.of(settings, batchesPerEpoch, run.epochs());

        Files.createDirectories(context.runDirectory());
        CheckpointStore store = new CheckpointStore(context.runDirectory().resolve(CHECKPOINT_FOLDER));
        Progress progress = new Progress();
        if (context.resume()) {
            store.latest().ifPresent(c -> {
                requireSameRun(c, settings, context.seed());
                progress.restore(c, model, optimizer);
            });
        }
        EventBus bus = context.bus();
        String experiment = context.experiment();
        String variant = context.variant();
        bus.publish(new RunStarted(experiment, variant, settings.values(), context.seed(), context.runDirectory(),
                run.epochs()));

        BatchStepper stepper = new BatchStepper(model, optimizer, run, truncated);
        RunStatus status = RunStatus.COMPLETED;
        Map<String, Double> last = new TreeMap<>(progress.lastMetrics);
        for (int epoch = progress.epoch + 1; epoch <= run.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            List<Batch> batches = batcher.shuffled(trainLengths, Batcher.epochSeed(context.seed(), epoch));
            stepper.startEpoch();
            double lossSum = 0;
            long lossTerms = 0;
            long tokens = 0;
            for (int i = 0; i < batches.size(); i++) {
                Batch batch = batches.get(i);
                double lr = schedule.rate(progress.batches);
                BatchStepper.Outcome outcome = stepper.step(data.batch("train", batch), lr, i == 0);
                progress.batches++;
                if (outcome.diverged() != null) {
                    bus.publish(new RunDiverged(experiment, variant, epoch, outcome.step(), stepper.lastFiniteLoss(),
                            outcome.diverged()));
                    RunResult result = new RunResult(RunStatus.DIVERGED, last, progress.bestMetrics);
                    bus.publish(new RunCompleted(experiment, variant, RunStatus.DIVERGED, last, progress.bestMetrics,
                            millisSince(started)));
                    return result;
                }
                lossSum += outcome.loss() * outcome.terms();
                lossTerms += outcome.terms();
                for (int l : batch.indices()) {
                    tokens += trainLengths[l];
                }
                bus.publish(new BatchCompleted(experiment, variant, epoch, i + 1, batches.size(), outcome.loss()));
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put("train.loss", lossTerms == 0 ? Double.NaN : lossSum / lossTerms);
            SplitEvaluator.Result validation = null;
            if (!dataset.validation().isEmpty()) {
                validation = SplitEvaluator.evaluate(model, data, "validation", "val", run.batch());
                metrics.putAll(validation.metrics());
            }
            bus.publish(stepper.gradientStats(experiment, variant, epoch));
            bus.publish(new EpochCompleted(experiment, variant, epoch, metrics,
                    Map.of("time.epoch_seconds", seconds, "time.tokens_per_second", tokens / Math.max(seconds, 1e-9))));
            if (validation != null && validation.scores() != null) {
                bus.publish(new Evaluation(experiment, variant, epoch, "validation", dataset.labels(),
                        validation.scores().confusion()));
            }
            if (dataset.kind() == TaskKind.LANGUAGE_MODELLING && run.samples() > 0 && data.tokenInput()) {
                bus.publish(samples(model, data, run, context.seed(), epoch, experiment, variant));
            }
            last = metrics;
            boolean stop = progress.endEpoch(epoch, metrics, run);
            Path file = store.write(progress.checkpoint(model, optimizer, context.seed(), settings));
            bus.publish(new Checkpointed(experiment, variant, epoch, file));
            if (stop) {
                status = RunStatus.STOPPED_EARLY;
                break;
            }
        }
        Map<String, Double> finals = new TreeMap<>(last);
        if (!dataset.test().isEmpty()) {
            SplitEvaluator.Result test = SplitEvaluator.evaluate(model, data, "test", "test", run.batch());
            finals.putAll(test.metrics());
            if (test.scores() != null) {
                bus.publish(new Evaluation(experiment, variant, progress.epoch, "test", dataset.labels(),
                        test.scores().confusion()));
            }
        }
        writeModel(context.runDirectory(), model, data, spec, tokenizer == null ? null : run.tokenizer(),
                RunSettings.under(settings, "tokenizer").values());
        bus.publish(new RunCompleted(experiment, variant, status, finals, progress.bestMetrics, millisSince(started)));
        return new RunResult(status, finals, progress.bestMetrics);
    }

    private static Samples samples(SequenceModel model, EncodedData data, RunSettings run, long seed, int epoch,
                                   String experiment, String variant) {
        TextGeneration sampler = new TextGeneration(run.temperature(), run.topK(), run.prefix(), run.sampleLength());
        // Its own stream per epoch, so sampling never shifts anything else and a resumed run samples alike.
        SplittableRandom random = new SplittableRandom(Batcher.epochSeed(seed ^ 0x5A4D504C45L, epoch));
        Set<String> seen = data.trainingTexts();
        List<String> texts = new ArrayList<>(run.samples());
        int novel = 0;
        for (int n = 0; n < run.samples(); n++) {
            String s = sampler.sample(model, data.tokenizer(), data.vocabulary(), random);
            texts.add(s);
            novel += seen.contains(s) ? 0 : 1;
        }
        return new Samples(experiment, variant, epoch, texts, (double) novel / run.samples());
    }

    /**
     * {@code model.safetensors}; its metadata holds all that {@code lab generate} needs to rebuild the model
     * ({@link ModelSpec} field by field, the cell's and tokenizer's options as {@code cell.*} and
     * {@code tokenizer.*}) besides the vocabulary file written next to it.
     */
    private static void writeModel(Path dir, SequenceModel model, EncodedData data, ModelSpec spec, String tokenizerId,
                                   Map<String, String> tokenizerOptions) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", MODEL_FORMAT);
        meta.put("task", spec.kind().name());
        meta.put("cell", spec.cell());
        meta.put("hidden", Integer.toString(spec.hidden()));
        meta.put("layers", Integer.toString(spec.layers()));
        meta.put("embedding", Integer.toString(spec.embedding()));
        meta.put("labels", String.join("\n", data.dataset().labels()));
        meta.put("token_input", Boolean.toString(spec.tokenInput()));
        meta.put("input_size", Integer.toString(spec.inputSize()));
        meta.put("outputs", Integer.toString(spec.outputs()));
        meta.put("fused", Boolean.toString(spec.fused()));
        new TreeMap<>(spec.cellOptions()).forEach((k, v) -> meta.put("cell." + k, v));
        if (tokenizerId != null) {
            meta.put("tokenizer", tokenizerId);
            new TreeMap<>(tokenizerOptions).forEach((k, v) -> meta.put("tokenizer." + k, v));
        }
        Path temporary = dir.resolve(MODEL_FILE + ".tmp");
        Safetensors.write(temporary, model.namedValues(), meta);
        Files.move(temporary, dir.resolve(MODEL_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (data.vocabulary() != null) {
            data.vocabulary().save(dir.resolve(VOCABULARY_FILE));
        }
    }

    private static final String SETTING = "setting.";

    /** A checkpoint continues only the run it was written by: same seed and settings (epochs may grow). */
    private static void requireSameRun(Checkpoint c, Settings settings, long seed) {
        List<String> differences = new ArrayList<>();
        if (!Long.toString(seed).equals(c.metadata().get("seed"))) {
            differences.add("seed " + c.metadata().get("seed") + " -> " + seed);
        }
        Map<String, String> saved = new TreeMap<>();
        c.metadata().forEach((k, v) -> {
            if (k.startsWith(SETTING)) {
                saved.put(k.substring(SETTING.length()), v);
            }
        });
        Set<String> keys = new java.util.TreeSet<>(saved.keySet());
        keys.addAll(settings.values().keySet());
        for (String k : keys) {
            String before = saved.get(k);
            String now = settings.values().get(k);
            if (!k.equals("epochs") && !java.util.Objects.equals(before, now)) {
                differences.add(k + " '" + before + "' -> '" + now + "'");
            }
        }
        if (!differences.isEmpty()) {
            throw new org.rnnlab.api.RnnlabException("cannot resume from checkpoint of epoch " + c.epoch()
                    + ": it was written with other settings (" + String.join(", ", differences) + ")");
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Where a run stands after its completed epochs: what a checkpoint holds besides weights. */
    private static final class Progress {
        int epoch;
        long batches;
        double best = Double.NaN;
        int sinceBest;
        Map<String, Double> bestMetrics = new TreeMap<>();
        Map<String, Double> lastMetrics = new TreeMap<>();

        /** Records an epoch's metrics; true when early stopping says stop. */
        boolean endEpoch(int completed, Map<String, Double> metrics, RunSettings run) {
            epoch = completed;
            lastMetrics = new TreeMap<>(metrics);
            String key = metrics.containsKey(run.stoppingMetric()) ? run.stoppingMetric() : "train.loss";
            double value = metrics.getOrDefault(key, Double.NaN);
            boolean better = Double.isNaN(best) || (run.higherIsBetter() && key.equals(run.stoppingMetric())
                    ? value > best : value < best);
            if (better && !Double.isNaN(value)) {
                best = value;
                sinceBest = 0;
                bestMetrics = new TreeMap<>(metrics);
            } else {
                sinceBest++;
            }
            return run.patience() > 0 && sinceBest >= run.patience();
        }

        Checkpoint checkpoint(SequenceModel model, Optimizer optimizer, long seed, Settings settings) {
            Map<String, String> meta = new TreeMap<>();
            settings.values().forEach((k, v) -> meta.put(SETTING + k, v));
            meta.put("batches", Long.toString(batches));
            meta.put("seed", Long.toString(seed));
            meta.put("best", Double.toString(best));
            meta.put("since_best", Integer.toString(sinceBest));
            bestMetrics.forEach((k, v) -> meta.put("best." + k, Double.toString(v)));
            lastMetrics.forEach((k, v) -> meta.put("last." + k, Double.toString(v)));
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            model.namedValues().forEach((k, v) -> tensors.put("model/" + k, v));
            optimizer.state().forEach((k, v) -> tensors.put("optimizer/" + k, v));
            return new Checkpoint(epoch, meta, tensors);
        }

        void restore(Checkpoint c, SequenceModel model, Optimizer optimizer) {
            model.load(c.under("model"));
            optimizer.restore(c.under("optimizer"));
            epoch = c.epoch();
            batches = Long.parseLong(c.metadata().get("batches"));
            best = Double.parseDouble(c.metadata().get("best"));
            sinceBest = Integer.parseInt(c.metadata().get("since_best"));
            c.metadata().forEach((k, v) -> {
                if (k.startsWith("best.")) {
                    bestMetrics.put(k.substring(5), Double.parseDouble(v));
                } else if (k.startsWith("last.")) {
                    lastMetrics.put(k.substring(5), Double.parseDouble(v));
                }
            });
        }
    }
}
