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
     * The option keys this component reads under its settings prefix (for a dataset, the keys after
     * {@code dataset.}). An unknown key given by a user is refused before training. An empty set means
     * the component does not declare its options, and any key is passed through.
     */
    default java.util.Set<String> optionKeys() {
        return java.util.Set.of();
    }
}
