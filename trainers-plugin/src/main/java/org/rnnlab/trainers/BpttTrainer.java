package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.event.AttentionMap;
import org.rnnlab.api.event.AttentionMaps;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskEvaluation;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Checkpoint;
import org.rnnlab.api.train.Optimizer;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.api.train.RunStore;
import org.rnnlab.api.train.Trainer;
import org.rnnlab.api.train.TrainingRun;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.data.Batcher;
import org.rnnlab.model.train.LearningRateSchedule;

/**
 * Trains one variant with back-propagation through time, in full ({@code bptt}) or truncated to
 * {@code tbptt.k} steps with the state carried, detached, across chunks ({@code tbptt}). It gets the
 * task's encoded data and fresh model from the runtime's pipeline and only trains: epochs of shuffled
 * batches, the task's metrics and samples, early stopping, events, a checkpoint after every epoch and
 * the model file at the end, both through the run's {@link RunStore}.
 *
 * <p>Everything random is derived from the run's seed: the initial weights (the task's), each epoch's
 * batch order ({@link Batcher#epochSeed}) and each epoch's samples, so a run resumed from the checkpoint
 * after epoch {@code e} repeats exactly what an uninterrupted run does next.
 */
final class BpttTrainer implements Trainer {
    private final boolean truncated;

    BpttTrainer(boolean truncated) {
        this.truncated = truncated;
    }

    @Override
    public RunResult train(TrainingRun run) throws IOException {
        long started = System.nanoTime();
        Settings settings = run.settings();
        RunSettings rs = RunSettings.of(settings, truncated);
        Task task = run.task();
        // a stateful run reads running text in order: pieces in B runs, the state carried from batch to batch
        TaskData data = rs.stateful() ? task.stream(run.data(), rs.streamChunk()) : run.data();
        TaskModel model = run.model();
        Optimizer optimizer = run.optimizer();
        RunStore store = run.store();
        Batcher batcher = new Batcher(rs.batch());
        int[] trainLengths = data.lengths("train");
        int batchesPerEpoch = (trainLengths.length + rs.batch() - 1) / rs.batch();
        LearningRateSchedule schedule = LearningRateSchedule.of(settings, batchesPerEpoch, rs.epochs());

        Progress progress = new Progress();
        if (run.resume()) {
            Optional<Checkpoint> latest = store.latestCheckpoint();
            if (latest.isPresent()) {
                requireSameRun(latest.get(), settings, run.seed());
                progress.restore(latest.get(), store.describe(latest.get()), model, optimizer);
                progress.weights.restoreFrom(progress.bestEpoch, progress.epoch,
                        latest.get().under(BestWeights.PREFIX), model);
            }
        }
        EventBus bus = run.bus();
        String experiment = run.experiment();
        String variant = run.variant();
        bus.publish(new RunStarted(experiment, variant, settings.values(), run.seed(), store.directory(), rs.epochs()));

        BatchStepper stepper = new BatchStepper(model, optimizer, rs);
        LossBound bound = lossBound(run.data(), rs);
        RunStatus status = RunStatus.COMPLETED;
        Map<String, Double> last = new TreeMap<>(progress.lastMetrics);
        boolean hasValidation = data.lengths("validation").length > 0;
        for (int epoch = progress.epoch + 1; epoch <= rs.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            List<Batch> batches = rs.stateful() ? batcher.strided(trainLengths)
                    : batcher.shuffled(trainLengths, Batcher.epochSeed(run.seed(), epoch));
            stepper.startEpoch();
            double lossSum = 0;
            long lossTerms = 0;
            long tokens = 0;
            double lr = Double.NaN;
            for (int i = 0; i < batches.size(); i++) {
                Batch batch = batches.get(i);
                lr = schedule.rate(progress.batches);
                BatchStepper.Outcome outcome = stepper.step(data, batch, lr, i == 0);
                progress.batches++;
                if (outcome.diverged() != null) {
                    return diverged(bus, new RunDiverged(experiment, variant, epoch, outcome.step(),
                            stepper.lastFiniteLoss(), outcome.diverged()), last, progress, started);
                }
                lossSum += outcome.loss() * outcome.terms();
                lossTerms += outcome.terms();
                for (int l : batch.indices()) {
                    tokens += trainLengths[l];
                }
                bus.publish(new BatchCompleted(experiment, variant, epoch, i + 1, batches.size(), outcome.loss()));
                if (i + 1 < batches.size() && rs.samplesAfter(epoch, i + 1)) {
                    samples(task, model, data, rs, run.seed(), epoch, i + 1, experiment, variant).ifPresent(bus::publish);
                }
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            Map<String, Double> metrics = new TreeMap<>();
            metrics.put("train.loss", lossTerms == 0 ? Double.NaN : lossSum / lossTerms);
            TaskEvaluation validation = null;
            if (hasValidation) {
                validation = task.evaluate(model, data, "validation", "val", rs.batch());
                metrics.putAll(validation.metrics());
            }
            bus.publish(stepper.gradientStats(experiment, variant, epoch));
            bus.publish(new EpochCompleted(experiment, variant, epoch, metrics,
                    Map.of("time.epoch_seconds", seconds, "time.tokens_per_second", tokens / Math.max(seconds, 1e-9)), lr));
            if (validation != null && validation.confusion() != null) {
                bus.publish(new Evaluation(experiment, variant, epoch, "validation", data.labels(), validation.confusion()));
            }
            Optional<Samples> drawn = rs.samples() > 0
                    ? samples(task, model, data, rs, run.seed(), epoch, 0, experiment, variant) : Optional.empty();
            drawn.ifPresent(bus::publish);
            attention(task, model, data, epoch, experiment, variant).ifPresent(bus::publish);
            Optional<String> beyond = bound.exceededBy(metrics, epoch);
            if (beyond.isPresent()) {
                return diverged(bus, new RunDiverged(experiment, variant, epoch, progress.batches,
                        stepper.lastFiniteLoss(), beyond.get()), metrics, progress, started);
            }
            last = metrics;
            boolean stop = progress.endEpoch(epoch, metrics, rs);
            if (progress.bestEpoch == epoch && progress.restoresBest(rs)) {
                progress.weights.keep(epoch, model);
            }
            Path file = store.writeCheckpoint(progress.checkpoint(model, optimizer, run.seed(), settings));
            bus.publish(new Checkpointed(experiment, variant, epoch, file));
            // after the checkpoint, so that a disk that refuses the files loses no training
            if (drawn.isPresent()) {
                SampleFiles.write(task, model, drawn.get().samples(), store.directory());
            }
            if (stop) {
                status = RunStatus.STOPPED_EARLY;
                break;
            }
        }
        Map<String, Double> finals = new TreeMap<>(last);
        finals.put(PARAMETERS, (double) parameterCount(model));
        // the test split and the saved model see the best epoch's weights, not the last one's
        boolean restored = progress.restoresBest(rs) && progress.weights.restoreInto(model);
        if (data.lengths("test").length > 0) {
            TaskEvaluation test = task.evaluate(model, data, "test", "test", rs.batch());
            finals.putAll(test.metrics());
            Optional<String> beyond = bound.exceededBy(test.metrics(), progress.epoch);
            if (beyond.isPresent()) {
                return diverged(bus, new RunDiverged(experiment, variant, progress.epoch, progress.batches,
                        stepper.lastFiniteLoss(), beyond.get()), finals, progress, started);
            }
            if (test.confusion() != null) {
                int scored = restored ? progress.weights.epoch() : progress.epoch;
                bus.publish(new Evaluation(experiment, variant, scored, "test", data.labels(), test.confusion()));
            }
        }
        store.saveModel();
        org.rnnlab.model.embedding.WordMaps.publish(bus, experiment, variant, model);
        bus.publish(new RunCompleted(experiment, variant, status, finals, progress.bestMetrics, millisSince(started),
                progress.best(restored)));
        return new RunResult(status, finals, progress.bestMetrics);
    }

    /** The examples whose attention the report shows after each epoch: the first of the test split (else validation). */
    static final int ATTENTION_EXAMPLES = 4;

    private static Optional<AttentionMaps> attention(Task task, TaskModel model, TaskData data, int epoch, String experiment,
                                                     String variant) {
        String split = data.lengths("test").length > 0 ? "test" : "validation";
        List<AttentionMap> maps = task.attention(model, data, split, ATTENTION_EXAMPLES);
        return maps.isEmpty() ? Optional.empty() : Optional.of(new AttentionMaps(experiment, variant, epoch, split, maps));
    }

    /** The final metric that counts the model's trainable numbers (weights and biases), as papers' tables list them. */
    static final String PARAMETERS = "model.parameters";

    static long parameterCount(TaskModel model) {
        long n = 0;
        for (org.rnnlab.api.train.Parameter p : model.parameters()) {
            n += p.value().size();
        }
        return n;
    }

    /** Ends the run DIVERGED: the reason and the epoch ({@code event}), then the run's end with what it had. */
    private static RunResult diverged(EventBus bus, RunDiverged event, Map<String, Double> metrics, Progress progress,
                                      long started) {
        bus.publish(event);
        bus.publish(new RunCompleted(event.experiment(), event.variant(), RunStatus.DIVERGED, metrics,
                progress.bestMetrics, millisSince(started), progress.best(false)));
        return new RunResult(RunStatus.DIVERGED, metrics, progress.bestMetrics);
    }

    /**
     * The divergence bound of a cross-entropy over K outcomes: K tokens for a language model, K labels for a
     * classifier or tagger; a regression's squared error has no such reference, so there only a loss that
     * is not finite counts.
     */
    static LossBound lossBound(TaskData data, RunSettings rs) {
        int classes = data instanceof EncodedData encoded
                ? (encoded.kind() == org.rnnlab.api.data.TaskKind.SEQUENCE_REGRESSION ? 0 : encoded.outputs())
                : data.labels().size();
        return LossBound.uniformGuess(classes, rs.divergenceFactor());
    }

    /** The task's samples after this epoch ({@code batch} 0) or after one of its batches, if it generates any. */
    private static Optional<Samples> samples(Task task, TaskModel model, TaskData data, RunSettings rs, long seed,
                                             int epoch, int batch, String experiment, String variant) {
        // Its own stream per epoch (and early batch), so sampling never shifts anything else and a resumed run samples alike.
        SplittableRandom random = new SplittableRandom(Batcher.epochSeed(seed ^ 0x5A4D504C45L ^ ((long) batch << 40), epoch));
        List<String> texts = task.samples(model, new SampleRequest(rs.samples(), rs.temperature(), rs.topK(), rs.prefix(),
                rs.sampleLength()), random);
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        int novel = 0;
        for (String s : texts) {
            novel += data.inTraining(s) ? 0 : 1;
        }
        return Optional.of(new Samples(experiment, variant, epoch, texts, (double) novel / texts.size(), batch));
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
        int bestEpoch;
        String bestBy = "";
        int sinceBest;
        final BestWeights weights = new BestWeights();
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
                bestEpoch = completed;
                bestBy = key;
                sinceBest = 0;
                bestMetrics = new TreeMap<>(metrics);
            } else {
                sinceBest++;
            }
            return run.patience() > 0 && sinceBest >= run.patience();
        }

        /** Whether the best epoch is chosen by the monitored metric (not the training loss) and is to be restored. */
        boolean restoresBest(RunSettings run) {
            return run.restoreBest() && bestBy.equals(run.stoppingMetric()) && !bestBy.startsWith("train.");
        }

        org.rnnlab.api.event.BestEpoch best(boolean restored) {
            return bestEpoch == 0 ? org.rnnlab.api.event.BestEpoch.NONE
                    : new org.rnnlab.api.event.BestEpoch(bestEpoch, bestBy, best, restored);
        }

        Checkpoint checkpoint(TaskModel model, Optimizer optimizer, long seed, Settings settings) {
            Map<String, String> meta = new TreeMap<>();
            settings.values().forEach((k, v) -> meta.put(SETTING + k, v));
            meta.put("batches", Long.toString(batches));
            meta.put("seed", Long.toString(seed));
            meta.put("best", Double.toString(best));
            meta.put("since_best", Integer.toString(sinceBest));
            meta.put("best_epoch", Integer.toString(bestEpoch));
            meta.put("best_by", bestBy);
            bestMetrics.forEach((k, v) -> meta.put("best." + k, Double.toString(v)));
            lastMetrics.forEach((k, v) -> meta.put("last." + k, Double.toString(v)));
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            model.namedValues().forEach((k, v) -> tensors.put("model/" + k, v));
            optimizer.state().forEach((k, v) -> tensors.put("optimizer/" + k, v));
            tensors.putAll(weights.checkpointTensors(epoch));
            return new Checkpoint(epoch, meta, tensors);
        }

        /** Continues from {@code c} ({@code where}: its file), which is refused whole if any of it does not fit. */
        void restore(Checkpoint c, String where, TaskModel model, Optimizer optimizer) {
            Map<String, Double> bests = new TreeMap<>();
            Map<String, Double> lasts = new TreeMap<>();
            long savedBatches;
            double savedBest;
            int savedSinceBest;
            int savedBestEpoch;
            try {
                savedBatches = Long.parseLong(c.metadata().get("batches"));
                savedBest = Double.parseDouble(c.metadata().get("best"));
                savedSinceBest = Integer.parseInt(c.metadata().get("since_best"));
                // checkpoints written before the best epoch was recorded have neither: the run then ends on its last weights
                savedBestEpoch = Integer.parseInt(c.metadata().getOrDefault("best_epoch", "0"));
                c.metadata().forEach((k, v) -> {
                    if (k.startsWith("best.")) {
                        bests.put(k.substring(5), Double.parseDouble(v));
                    } else if (k.startsWith("last.")) {
                        lasts.put(k.substring(5), Double.parseDouble(v));
                    }
                });
            } catch (NumberFormatException | NullPointerException e) {
                throw new org.rnnlab.api.RnnlabException(where + " has missing or unreadable progress metadata: "
                        + e.getMessage(), e);
            }
            CheckpointFit.load(c, where, model, optimizer);
            epoch = c.epoch();
            batches = savedBatches;
            best = savedBest;
            sinceBest = savedSinceBest;
            bestEpoch = savedBestEpoch;
            bestBy = c.metadata().getOrDefault("best_by", "");
            bestMetrics.putAll(bests);
            lastMetrics.putAll(lasts);
        }
    }
}
