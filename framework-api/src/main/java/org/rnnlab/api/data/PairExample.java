package org.rnnlab.api.data;

import java.util.Objects;

/**
 * A source text and the text it maps to, for sequence-to-sequence tasks ({@link TaskKind#SEQUENCE_TO_SEQUENCE}):
 * a date as people write it and its ISO form, a sentence and its translation. The two sides are
 * tokenized separately, each with its own vocabulary.
 *
 * @param source the input text, never null or blank
 * @param target the output text, never null or blank
 * @since 0.1
 */
public record PairExample(String source, String target) implements Example {
    public PairExample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.isBlank() || target.isBlank()) {
            throw new IllegalArgumentException("a pair needs a source and a target text, got '" + source + "' -> '"
                    + target + "'");
        }
    }
}
