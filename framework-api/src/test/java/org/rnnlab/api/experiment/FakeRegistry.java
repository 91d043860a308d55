package org.rnnlab.api.experiment;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.UnknownComponentException;

/** A registry of named components with settings schemas, for validation tests. */
final class FakeRegistry implements ComponentRegistry {
    static final SettingKey<Double> FORGET_BIAS = SettingKey.real("forget_bias", "initial forget-gate bias").defaultsTo(1.0);
    static final SettingKey<Boolean> RESET_AFTER = SettingKey.flag("reset_after", "PyTorch's GRU").defaultsTo(true)
            .formerly("resetAfter");
    static final SettingKey<Integer> HIDDEN = SettingKey.integer("hidden", "hidden units").defaultsTo(64)
            .checked(SettingCheck.atLeast(1));
    static final SettingKey<Integer> EPOCHS = SettingKey.integer("epochs", "passes").defaultsTo(10)
            .checked(SettingCheck.atLeast(1));
    static final SettingKey<Double> TEMPERATURE = SettingKey.real("temperature", "sampling temperature").defaultsTo(1.0)
            .checked(SettingCheck.positive());

    // as framework-model's LearningRateSchedule declares them
    static final SettingKey<Double> LR = SettingKey.real("lr", "learning rate").defaultsTo(0.001)
            .checked(SettingCheck.positive());
    static final SettingKey<String> SCHEDULE = SettingKey.oneOf("schedule", "how the rate changes",
            "constant", "step", "cosine", "warmup").defaultsTo("constant");
    static final SettingKey<Integer> SAMPLES = SettingKey.integer("samples", "texts sampled per epoch").defaultsTo(5)
            .checked(SettingCheck.nonNegative());

    private final Map<ComponentKind<?>, Map<String, SettingsSchema>> ids;

    FakeRegistry(Map<ComponentKind<?>, Map<String, SettingsSchema>> ids) {
        this.ids = ids;
    }

    static FakeRegistry standard() {
        return new FakeRegistry(Map.of(
                ComponentKind.CELL, Map.of(
                        "rnn", SettingsSchema.of("cell rnn", SettingKey.oneOf("activation", "non-linearity", "tanh", "relu")
                                .defaultsTo("tanh")),
                        "lstm", SettingsSchema.of("cell lstm", FORGET_BIAS),
                        "gru", SettingsSchema.of("cell gru", RESET_AFTER)),
                ComponentKind.DATASET, Map.of(
                        "order", SettingsSchema.of("dataset order",
                                SettingKey.integer("length", "tokens").defaultsTo(20).checked(SettingCheck.atLeast(2)),
                                SettingKey.integer("count", "examples").defaultsTo(2000)),
                        "csv", SettingsSchema.of("dataset csv", SettingKey.text("path", "file").requiredKey(),
                                SettingKey.text("text", "column"), SettingKey.text("label", "column"))),
                ComponentKind.TOKENIZER, Map.of(
                        "word", SettingsSchema.of("tokenizer word", SettingKey.flag("lowercase", "lower-case")),
                        "character", SettingsSchema.EMPTY,
                        "bag-of-words", SettingsSchema.EMPTY),
                ComponentKind.TRAINER, Map.of(
                        "bptt", SettingsSchema.of("trainer bptt", HIDDEN, EPOCHS, TEMPERATURE)
                                .plus(SettingsSchema.of("schedule", LR, SCHEDULE))),
                ComponentKind.TASK, Map.of(
                        "lm", SettingsSchema.of("task lm", SAMPLES),
                        "classification", SettingsSchema.EMPTY),
                ComponentKind.OPTIMIZER, Map.of(
                        "adam", SettingsSchema.of("optimizer adam", SettingKey.real("beta1", "decay").defaultsTo(0.9),
                                SettingKey.real("beta2", "decay").defaultsTo(0.999)),
                        "sgd", SettingsSchema.of("optimizer sgd", SettingKey.real("momentum", "momentum").defaultsTo(0.0)))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Component> T get(ComponentKind<T> kind, String id) {
        Map<String, SettingsSchema> m = ids.getOrDefault(kind, Map.of());
        SettingsSchema schema = m.get(id);
        if (schema == null) {
            throw new UnknownComponentException(kind.name(), id, m.keySet().stream().sorted().toList());
        }
        Component c = new Component() {
            public String id() { return id; }
            public String description() { return id; }
            public SettingsSchema settings() { return schema; }
        };
        return (T) c; // validation only calls Component methods
    }

    @Override
    public <T extends Component> List<T> all(ComponentKind<T> kind) {
        return ids.getOrDefault(kind, Map.of()).keySet().stream().sorted().map(id -> get(kind, id)).toList();
    }
}
