package org.rnnlab.api.experiment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rnnlab.api.ComponentKind;

/**
 * The settings keys rnnlab knows, with their types. Keys under a component prefix
 * ({@code dataset.}, {@code tokenizer.}, {@code cell.}, {@code optimizer.}) are the component's own
 * options and are checked against the component's {@link org.rnnlab.api.Component#optionKeys()}.
 */
public final class SettingsSchema {
    private static final Map<String, SettingKey> KEYS = index(List.of(
            SettingKey.id("dataset", ComponentKind.DATASET, "the dataset's id"),
            SettingKey.id("tokenizer", ComponentKind.TOKENIZER, "the tokenizer's id"),
            SettingKey.id("cell", ComponentKind.CELL, "the recurrent cell's id"),
            SettingKey.id("trainer", ComponentKind.TRAINER, "the trainer's id (bptt, tbptt)"),
            SettingKey.id("optimizer", ComponentKind.OPTIMIZER, "the optimizer's id"),
            SettingKey.integer("hidden", "hidden units per layer"),
            SettingKey.integer("layers", "stacked recurrent layers"),
            SettingKey.integer("embedding", "embedding size; 0 feeds one-hot vectors"),
            SettingKey.real("lr", "learning rate"),
            SettingKey.text("schedule", "learning-rate schedule: constant, step, cosine, warmup"),
            SettingKey.integer("schedule.step_epochs", "epochs between decays of the step schedule"),
            SettingKey.real("schedule.min_lr", "the learning rate the cosine schedule ends at"),
            SettingKey.real("schedule.gamma", "decay factor of the step schedule"),
            SettingKey.integer("schedule.warmup_steps", "optimiser steps of linear warm-up"),
            SettingKey.integer("epochs", "passes over the training split"),
            SettingKey.integer("batch", "sequences per batch"),
            SettingKey.real("clip", "global gradient-norm clipping threshold; 0 turns it off"),
            SettingKey.real("clip.value", "clip every gradient element to [-v, v]; 0 turns it off"),
            SettingKey.integer("tbptt.k", "steps per truncated-BPTT chunk"),
            SettingKey.integer("early_stopping.patience", "epochs without improvement before stopping; 0 never stops"),
            SettingKey.text("early_stopping.metric", "metric watched by early stopping, e.g. val.loss"),
            SettingKey.integer("samples", "samples a language model writes after each epoch"),
            SettingKey.real("temperature", "sampling temperature"),
            SettingKey.integer("top_k", "sample among the k most likely tokens; 0 for all"),
            SettingKey.text("prefix", "text every sample starts from"),
            SettingKey.integer("sample_length", "the most tokens a sample has"),
            SettingKey.flag("fused", "use the cells' hand-written kernels when they have them"),
            SettingKey.flag("bidirectional", "every layer also reads each sequence backwards, from its last real step"
                    + " (PyTorch's bidirectional=True); tagging and classification")));

    /** Prefixes whose keys belong to the component named by the key without the dot. */
    public static final List<String> COMPONENT_PREFIXES = List.of("dataset", "tokenizer", "cell", "optimizer");

    private SettingsSchema() {}

    /** Every known key, sorted. */
    public static Map<String, SettingKey> keys() {
        return KEYS;
    }

    public static Optional<SettingKey> key(String key) {
        return Optional.ofNullable(KEYS.get(key));
    }

    private static Map<String, SettingKey> index(List<SettingKey> keys) {
        Map<String, SettingKey> m = new TreeMap<>();
        keys.forEach(k -> m.put(k.key(), k));
        return java.util.Collections.unmodifiableMap(m);
    }
}
