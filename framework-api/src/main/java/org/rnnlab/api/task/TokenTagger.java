package org.rnnlab.api.task;

import java.util.List;

/**
 * A {@link TaskModel} that tags the tokens of a text, as the {@code tagging} task's models do: what
 * {@code lab tag MODEL_FILE "text"} calls on a rebuilt model. A model of a task that does not tag says
 * so with an {@link org.rnnlab.api.RnnlabException} naming what it is.
 *
 * @since 0.2
 */
public interface TokenTagger {

    /** The text's tokens (by the model's own tokenizer), each with its predicted tag; empty for no tokens. */
    List<TaggedToken> tag(String text);

    /** One token and the tag predicted for it. */
    record TaggedToken(String token, String tag) {}
}
