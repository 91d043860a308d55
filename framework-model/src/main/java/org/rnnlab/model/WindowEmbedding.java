package org.rnnlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * The input of a model with an {@link InputWindow}: at each row (step t, sequence b) of a time-major batch,
 * the embeddings of the tokens at steps t-n+1..t of sequence b, {@code <pad>} before the start. Made of the
 * graph's embedding look-up, column concatenation, sum and scale, whose gradients the engine's own tests
 * check, so nothing here differentiates by hand.
 */
final class WindowEmbedding {
    private WindowEmbedding() {}

    /** The ids of each slot, oldest first: {@code slots[k][t * batch + b]} is the token at step t-(n-1-k). */
    static int[][] slots(int[] ids, int steps, int batch, int n) {
        int[][] out = new int[n][steps * batch];
        for (int k = 0; k < n; k++) {
            int back = n - 1 - k;
            Arrays.fill(out[k], 0, Math.min(back, steps) * batch, Vocabulary.PAD);
            if (back < steps) {
                System.arraycopy(ids, 0, out[k], back * batch, (steps - back) * batch);
            }
        }
        return out;
    }

    /** The slots' embeddings from {@code table}, side by side for an ordered window, else their mean. */
    static Var apply(Graph g, Var table, int[][] slots, InputWindow window) {
        List<Var> parts = new ArrayList<>(slots.length);
        for (int[] slot : slots) {
            parts.add(g.embedding(table, slot));
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        if (window.ordered()) {
            return g.concatColumns(parts);
        }
        Var sum = parts.getFirst();
        for (int k = 1; k < parts.size(); k++) {
            sum = g.add(sum, parts.get(k));
        }
        return g.scale(sum, 1f / parts.size());
    }
}
