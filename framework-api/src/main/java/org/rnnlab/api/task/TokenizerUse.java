package org.rnnlab.api.task;

import java.util.List;

/**
 * One tokenizer a {@link Task} needs: {@code role} is how the task finds it after fitting, {@code setting}
 * the setting that names the tokenizer (its options are the settings under {@code setting.}),
 * {@code fallback} the tokenizer id when the setting is absent, and {@code texts} the training texts it
 * is fitted on. A language model has one ({@code tokenizer}); a translation task would have two
 * ({@code source.tokenizer}, {@code target.tokenizer}).
 *
 * @since 0.1
 */
public record TokenizerUse(String role, String setting, String fallback, List<String> texts) {
    public TokenizerUse {
        texts = List.copyOf(texts);
    }
}
