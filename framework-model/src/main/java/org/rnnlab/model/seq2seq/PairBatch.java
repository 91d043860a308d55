package org.rnnlab.model.seq2seq;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.Vocabulary;

/**
 * One batch of (source, target) id sequences for teacher forcing, time-major and padded: the decoder
 * reads {@code <bos> y_1 ... y_n} and is trained to emit {@code y_1 ... y_n <eos>}.
 *
 * @param source        the source ids, padded with their mask
 * @param decoderInput  {@code <bos>} then the target ids, padded
 * @param decoderTarget the target ids then {@code <eos>}, time-major {@code [T * B]}; 0 where padded
 * @param targetMask    {@code [T * B]}, 1 for each real target step (the {@code <eos>} included)
 * @since 0.1
 */
public record PairBatch(PaddedIds source, PaddedIds decoderInput, int[] decoderTarget, float[] targetMask) {

    /** The batch of these pairs (sources and targets without {@code <bos>}/{@code <eos>}, in the same order). */
    public static PairBatch of(List<int[]> sources, List<int[]> targets) {
        if (sources.size() != targets.size() || sources.isEmpty()) {
            throw new IllegalArgumentException("a pair batch needs as many targets as sources, at least one: "
                    + sources.size() + " and " + targets.size());
        }
        for (int b = 0; b < sources.size(); b++) {
            if (sources.get(b).length == 0) {
                throw new IllegalArgumentException("source " + b + " of the batch has no tokens");
            }
        }
        List<int[]> in = new ArrayList<>(targets.size());
        List<int[]> out = new ArrayList<>(targets.size());
        for (int[] t : targets) {
            int[] i = new int[t.length + 1];
            int[] o = new int[t.length + 1];
            i[0] = Vocabulary.BOS;
            System.arraycopy(t, 0, i, 1, t.length);
            System.arraycopy(t, 0, o, 0, t.length);
            o[t.length] = Vocabulary.EOS;
            in.add(i);
            out.add(o);
        }
        PaddedIds decoderTarget = PaddedIds.timeMajor(out);
        return new PairBatch(PaddedIds.timeMajor(sources), PaddedIds.timeMajor(in), decoderTarget.ids(),
                decoderTarget.mask());
    }

    public int batchSize() {
        return source.batchSize();
    }

    /** Decoder steps: the longest target plus one. */
    public int targetSteps() {
        return decoderInput.steps();
    }

    /** Loss terms: real target steps over the batch. */
    public int targetTokens() {
        return decoderInput.realSteps();
    }
}
