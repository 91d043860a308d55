package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.event.Metric;
import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.model.train.LearningRateSchedule;

/**
 * The settings the {@code bptt} and {@code tbptt} trainers read, read through their keys (the one place their
 * defaults and rules are written); the trainers' {@link SettingsSchema} lists them, with the learning-rate
 * schedule's. The task reads the model's ({@link SequenceModelSettings}), the components their own
 * {@code dataset.*}, {@code tokenizer.*}, {@code cell.*} and {@code optimizer.*}.
 */
record RunSettings(int epochs, int batch, double clip, double clipValue, int patience, String stoppingMetric,
                   int samples, int earlySamples, int sampleLength, double temperature, int topK, String prefix, int truncation,
                   double divergenceFactor, boolean restoreBest, int streamChunk) {

    static final SettingKey<Integer> EPOCHS = SettingKey.integer("epochs", "passes over the training split")
            .defaultsTo(10).checked(SettingCheck.between(1, 1_000_000));
    static final SettingKey<Integer> BATCH = SettingKey.integer("batch", "sequences per batch")
            .defaultsTo(32).checked(SettingCheck.between(1, 65_536));
    static final SettingKey<Double> CLIP = SettingKey.real("clip",
            "clip the gradients' global norm to this; 0 turns it off").defaultsTo(0.0).checked(SettingCheck.nonNegative());
    static final SettingKey<Double> CLIP_VALUE = SettingKey.real("clip.value",
            "clip every gradient element to [-v, v]; 0 turns it off").defaultsTo(0.0).checked(SettingCheck.nonNegative());
    static final SettingKey<Integer> PATIENCE = atLeast(SettingKey.integer("early_stopping.patience",
            "epochs without improvement before stopping; 0 never stops"), 0, 0);
    static final SettingKey<String> STOPPING_METRIC = SettingKey.text("early_stopping.metric",
            "the metric early stopping and the best epoch go by, e.g. val.loss, val.accuracy").defaultsTo("val.loss");
    static final SettingKey<Boolean> RESTORE_BEST = SettingKey.flag("early_stopping.restore_best",
            "score the test split and save the model with the weights of the best epoch by early_stopping.metric"
                    + " (when the run has that metric), not the last epoch's").defaultsTo(true);
    static final SettingKey<Integer> SAMPLES = atLeast(SettingKey.integer("samples",
            "texts a language model samples after each epoch"), 5, 0);
    static final SettingKey<Integer> EARLY_SAMPLES = atLeast(SettingKey.integer("samples.early",
            "k > 0: in the first epoch, also sample after batches k, 4k, 16k, ... to show the first steps of learning;"
                    + " 0: only after each epoch"), 0, 0);
    static final SettingKey<Integer> SAMPLE_LENGTH = atLeast(SettingKey.integer("sample_length",
            "the most tokens a sample has"), 200, 1);
    static final SettingKey<Double> TEMPERATURE = SettingKey.real("temperature",
            "sampling temperature: below 1 sharper, above 1 flatter").defaultsTo(1.0).checked(SettingCheck.positive());
    static final SettingKey<Integer> TOP_K = atLeast(SettingKey.integer("top_k",
            "sample among the k most likely tokens; 0: all"), 0, 0);
    static final SettingKey<String> PREFIX = SettingKey.text("prefix", "text every sample starts from").defaultsTo("");
    static final SettingKey<Double> DIVERGENCE_FACTOR = SettingKey.real("divergence.factor",
            "a loss above this many times ln K (the loss of a uniform guess over K classes or tokens) ends the run DIVERGED")
            .defaultsTo(LossBound.DEFAULT_FACTOR).checked(SettingCheck.positive());
    static final SettingKey<Integer> TRUNCATION = atLeast(SettingKey.integer("tbptt.k",
            "time steps per truncated-BPTT chunk"), 20, 1);

    static final SettingKey<Boolean> STATEFUL = SettingKey.flag("bptt.stateful",
            "language models: read each split as one running text in B parallel streams (B = batch), cut into"
                    + " consecutive chunks of bptt.chunk tokens; each batch continues the last one's state (detached),"
                    + " no <bos>/<eos> inside the text; validation reads its split the same way").defaultsTo(false);
    static final SettingKey<Integer> STREAM_CHUNK = atLeast(SettingKey.integer("bptt.chunk",
            "with bptt.stateful: tokens per chunk, the steps back-propagation reaches back"), 35, 1);

    /** The settings of trainer {@code id}: the run's, the schedule's, and for the truncated trainer {@code tbptt.k}. */
    static SettingsSchema schema(String id, boolean truncated) {
        List<SettingKey<?>> keys = new ArrayList<>(List.of(EPOCHS, BATCH, CLIP, CLIP_VALUE, PATIENCE, STOPPING_METRIC,
                RESTORE_BEST, SAMPLES, EARLY_SAMPLES, SAMPLE_LENGTH, TEMPERATURE, TOP_K, PREFIX, DIVERGENCE_FACTOR, STATEFUL, STREAM_CHUNK));
        if (truncated) {
            keys.add(TRUNCATION);
        }
        return SettingsSchema.of("trainer " + id, keys).plus(LearningRateSchedule.SETTINGS);
    }

    /** The settings of one run; a bad or missing value is a {@code ConfigException} listing every problem. */
    static RunSettings of(Settings s, boolean truncated) {
        schema(truncated ? "tbptt" : "bptt", truncated).requireValues(s);
        if (truncated && s.get(STATEFUL)) {
            throw new org.rnnlab.api.ConfigException("setting 'bptt.stateful' is true with trainer 'tbptt': a stateful"
                    + " run is truncated by its chunks already; use trainer=bptt with bptt.chunk");
        }
        return new RunSettings(s.get(EPOCHS), s.get(BATCH), s.get(CLIP), s.get(CLIP_VALUE), s.get(PATIENCE),
                s.get(STOPPING_METRIC), s.get(SAMPLES), s.get(EARLY_SAMPLES), s.get(SAMPLE_LENGTH), s.get(TEMPERATURE), s.get(TOP_K),
                s.get(PREFIX), truncated ? s.get(TRUNCATION) : Integer.MAX_VALUE, s.get(DIVERGENCE_FACTOR),
                s.get(RESTORE_BEST), s.get(STATEFUL) ? s.get(STREAM_CHUNK) : 0);
    }

    /** Whether the run reads language-model data as running text ({@link #STATEFUL}). */
    boolean stateful() {
        return streamChunk > 0;
    }

    /** Whether samples are drawn after batch {@code batch} (from 1) of epoch {@code epoch}, before its end ({@link #EARLY_SAMPLES}). */
    boolean samplesAfter(int epoch, int batch) {
        if (epoch != 1 || earlySamples == 0 || samples == 0 || batch % earlySamples != 0) {
            return false;
        }
        int k = batch / earlySamples;
        return (k & (k - 1)) == 0 && Integer.numberOfTrailingZeros(k) % 2 == 0;
    }

    /** Whether a larger value of the stopping metric is better (accuracy, F1) rather than smaller (loss). */
    boolean higherIsBetter() {
        return Metric.of(stoppingMetric).higherIsBetter();
    }

    private static SettingKey<Integer> atLeast(SettingKey<Integer> key, int byDefault, int min) {
        return key.defaultsTo(byDefault).checked(SettingCheck.atLeast(min));
    }
}
