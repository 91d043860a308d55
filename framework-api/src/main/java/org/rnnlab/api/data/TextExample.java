package org.rnnlab.api.data;

import java.util.List;
import java.util.Objects;

/**
 * A text and what it is labelled with. Never null anywhere: an unlabelled text (language modelling)
 * has the label {@code ""}, and {@code tags} is empty unless the task is
 * {@link TaskKind#SEQUENCE_TAGGING}, where it holds one tag per token of the dataset's tokenization.
 *
 * @param text  the raw text, never null (may be empty only where the dataset says so)
 * @param label the class label for classification, {@code ""} when there is none
 * @param tags  one tag per token for tagging, otherwise empty
 * @since 0.1
 */
public record TextExample(String text, String label, List<String> tags) implements Example {
    public TextExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label (use \"\" for none)");
        tags = List.copyOf(tags);
    }

    /** A labelled (or, with {@code ""}, unlabelled) text without tags. */
    public TextExample(String text, String label) {
        this(text, label, List.of());
    }

    /** An unlabelled text, as language modelling uses. */
    public static TextExample unlabelled(String text) {
        return new TextExample(text, "", List.of());
    }

    /** Whether this example has a class label. */
    public boolean labelled() {
        return !label.isEmpty();
    }
}
