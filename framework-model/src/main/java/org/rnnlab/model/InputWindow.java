package org.rnnlab.model;

import java.util.OptionalInt;

/**
 * What a token-input model reads at each step: the token of the step only ({@link #NONE}, the input of a
 * recurrent cell), or the embeddings of the last {@code size} tokens of its sequence, the step's own
 * included and {@code <pad>} before the start, either side by side, oldest first ({@code ordered}: the
 * fixed-window model of Bengio et al. 2003), or averaged (a bag of words, order lost).
 *
 * <p>The window is taken within what one forward pass sees: under truncated backpropagation a chunk's
 * first steps do not see the tokens of the chunk before.
 *
 * @param size    tokens per window, 0 for none
 * @param ordered side by side (true) or averaged (false); false for {@link #NONE}
 * @since 0.1
 */
public record InputWindow(int size, boolean ordered) {
    /** One token per step. */
    public static final InputWindow NONE = new InputWindow(0, false);

    public InputWindow {
        if (size < 0) {
            throw new IllegalArgumentException("an input window holds at least one token, got " + size);
        }
    }

    /** {@link #NONE} for an empty {@code size}, else the window of that many tokens. */
    public static InputWindow of(OptionalInt size, boolean ordered) {
        return size.isEmpty() ? NONE : new InputWindow(size.getAsInt(), ordered);
    }

    public boolean none() {
        return size == 0;
    }

    /** How many embeddings wide a step's input is: the window's size side by side, else one. */
    public int width() {
        return ordered ? Math.max(1, size) : 1;
    }
}
