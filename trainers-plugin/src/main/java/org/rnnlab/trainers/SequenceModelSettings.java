package org.rnnlab.trainers;

import org.rnnlab.api.experiment.SettingCheck;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingsSchema;

/** The settings the built-in tasks read to build their {@link org.rnnlab.model.SequenceModel}. */
final class SequenceModelSettings {
    static final SettingKey<Integer> HIDDEN = SettingKey.integer("hidden", "hidden units per layer")
            .defaultsTo(64).checked(SettingCheck.between(1, 16_384));
    static final SettingKey<Integer> LAYERS = SettingKey.integer("layers", "stacked recurrent layers")
            .defaultsTo(1).checked(SettingCheck.between(1, 64));
    static final SettingKey<Integer> EMBEDDING = SettingKey.integer("embedding",
            "embedding size of token inputs; 0 feeds one-hot vectors").defaultsTo(32).checked(SettingCheck.between(0, 16_384));
    static final SettingKey<Boolean> FUSED = SettingKey.flag("fused",
            "use the cells' hand-written sequence kernels when they have them").defaultsTo(true);
    static final SettingKey<Boolean> BIDIRECTIONAL = SettingKey.flag("bidirectional",
            "every layer also reads each sequence backwards, from its last real step (PyTorch's bidirectional=True);"
                    + " needs whole sequences (trainer bptt)").defaultsTo(false);

    private SequenceModelSettings() {}

    static SettingsSchema schema(String taskId) {
        return SettingsSchema.of("task " + taskId, HIDDEN, LAYERS, EMBEDDING, FUSED);
    }

    /** {@link #schema} and {@link #BIDIRECTIONAL}: the tasks that may read a sequence's future (not a language model). */
    static SettingsSchema schemaWithDirection(String taskId) {
        return schema(taskId).plus(SettingsSchema.of("task " + taskId, BIDIRECTIONAL));
    }
}
