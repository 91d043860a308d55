package org.rnnlab.api;

/**
 * Something a plugin contributes under an id: a cell factory, a tokenizer factory, a dataset, a trainer,
 * an optimizer, a reporter or an experiment.
 *
 * <p>Every component must provide an id that is lowercase-kebab ({@code lstm}, {@code bag-of-words}),
 * unique within its {@link ComponentKind} across all plugins, and never changed once published.
 */
public interface Component {

    /** The component's id; see the class comment. Never null. */
    String id();

    /** One line that says what the component is, shown by {@code lab plugins}. Never null. */
    String description();

    /**
     * Every setting this component reads, with its type, default, rule and meaning. Default: none.
     *
     * <p>Contract: a component reads no setting that is not here, and reads each through its
     * {@link org.rnnlab.api.experiment.SettingKey} so that the default is the schema's. Before any training
     * the runtime checks every variant's settings against the schemas of the components it uses and lists
     * every problem at once: a key no component declares, a value its type or rule refuses, a required key
     * missing. Keys are relative to the component: a dataset's {@code path} is given as
     * {@code dataset.path}, or {@code csv.path} for variants using {@code csv} only; a trainer's keys are
     * top-level ({@code epochs}). {@code lab describe KIND ID} prints the schema.
     *
     * <p>A component that is also used directly (a cell factory in a test, a tokenizer when a model file is
     * read back) should still refuse what its schema refuses, with
     * {@link org.rnnlab.api.experiment.SettingsSchema#require}.
     *
     * @since 0.2
     */
    default org.rnnlab.api.experiment.SettingsSchema settings() {
        return org.rnnlab.api.experiment.SettingsSchema.EMPTY;
    }
}
