package org.rnnlab.api.experiment;

import java.util.List;
import org.rnnlab.api.ComponentKind;

/**
 * The settings the runtime reads itself: which component of each kind a variant uses. Every other setting
 * belongs to one of those components ({@link org.rnnlab.api.Component#settings()}).
 *
 * <p>The components of {@link #PREFIXED} kinds take their settings under their kind
 * ({@code cell.forget_bias}) or their id ({@code lstm.forget_bias}, which applies only to variants that
 * use {@code lstm}); the trainer's and the task's settings are top-level ({@code epochs}, {@code hidden}).
 * When a variant does not name its task, a top-level setting is checked against every task that declares it.
 *
 * @since 0.2
 */
public final class RuntimeSettings {
    public static final SettingKey<String> DATASET = SettingKey.component("dataset", ComponentKind.DATASET,
            "the data the variant learns from").requiredKey();
    public static final SettingKey<String> TOKENIZER = SettingKey.component("tokenizer", ComponentKind.TOKENIZER,
            "how a text dataset becomes tokens").defaultsTo("character");
    public static final SettingKey<String> CELL = SettingKey.component("cell", ComponentKind.CELL,
            "the recurrent cell of every layer").requiredKey();
    public static final SettingKey<String> TRAINER = SettingKey.component("trainer", ComponentKind.TRAINER,
            "how the model is trained").defaultsTo("bptt");
    public static final SettingKey<String> OPTIMIZER = SettingKey.component("optimizer", ComponentKind.OPTIMIZER,
            "how gradients update the weights").defaultsTo("adam");
    /** No default: unnamed, the task is the first (by id) that accepts the dataset, known only once it is loaded. */
    public static final SettingKey<String> TASK = SettingKey.component("task", ComponentKind.TASK,
            "what is learned (default: the first task that accepts the dataset)");

    /** The component keys whose components take their settings under the key's name or the component's id. */
    public static final List<SettingKey<String>> PREFIXED = List.of(DATASET, TOKENIZER, CELL, OPTIMIZER);

    /** The component keys whose components take top-level settings. */
    public static final List<SettingKey<String>> TOP_LEVEL = List.of(TRAINER, TASK);

    /** Every key the runtime reads. */
    public static final SettingsSchema SCHEMA = SettingsSchema.of("runtime", DATASET, TOKENIZER, CELL, TRAINER, OPTIMIZER,
            TASK);

    private RuntimeSettings() {}

    /** Every component key: {@link #PREFIXED} then {@link #TOP_LEVEL}. */
    public static List<SettingKey<String>> components() {
        return java.util.stream.Stream.concat(PREFIXED.stream(), TOP_LEVEL.stream()).toList();
    }
}
