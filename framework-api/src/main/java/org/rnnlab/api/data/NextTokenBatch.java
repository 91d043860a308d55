package org.rnnlab.api.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Inputs and targets of a language-modelling batch: for a sequence x1..xn the input is
 * {@code <bos> x1 .. xn} and the target {@code x1 .. xn <eos>}, so every token and the end are predicted.
 * Both are padded to n+1 of the longest sequence; the masks are equal.
 *
 * @param inputs  the shifted-right inputs
 * @param targets the ids to predict at each step
 * @since 0.1
 */
public record NextTokenBatch(PaddedIds inputs, PaddedIds targets) {

    /** The batch of these token-id sequences (without {@code <bos>}/{@code <eos>}). */
    public static NextTokenBatch of(List<int[]> sequences) {
        List<int[]> in = new ArrayList<>(sequences.size());
        List<int[]> out = new ArrayList<>(sequences.size());
        for (int[] s : sequences) {
            int[] i = new int[s.length + 1];
            int[] o = new int[s.length + 1];
            i[0] = Vocabulary.BOS;
            System.arraycopy(s, 0, i, 1, s.length);
            System.arraycopy(s, 0, o, 0, s.length);
            o[s.length] = Vocabulary.EOS;
            in.add(i);
            out.add(o);
        }
        return new NextTokenBatch(PaddedIds.timeMajor(in), PaddedIds.timeMajor(out));
    }
}
