package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;
import org.rnnlab.model.data.Batcher;

/**
 * A language-modelling dataset read as running text, for stateful training ({@code bptt.stateful}): each
 * split is one stream, its examples' token ids one after the other without {@code <bos>} or
 * {@code <eos>} (the datasets cut a text into consecutive examples, so the stream is the text), cut into
 * consecutive pieces of {@code chunk} inputs that each predict the next {@code chunk} tokens (the last
 * piece may be shorter; the stream's first token is never predicted). {@link org.rnnlab.model.data.Batcher#strided}
 * reads the pieces as B parallel runs, so that row k of batch i continues row k of batch i-1 and the
 * state is carried from one batch to the next ({@link #carried}); it starts at zero with an epoch.
 *
 * <p>A model with an input window (bag of words, fixed window) reads, at a piece's first steps, the tokens
 * before the piece: a batch starts with those {@code n - 1} tokens as masked steps ({@code <pad>} before
 * the stream's start), which no loss term counts and through which a cell keeps its state.
 *
 * <p>Made per run by the trainer, so the carried state is that run's own.
 */
final class StreamData implements TaskData {
    private final EncodedData data;
    private final int chunk;
    private final int context;
    private final Map<String, int[]> streams = new LinkedHashMap<>();
    private List<Tensor> carried = List.of();

    StreamData(EncodedData data, int chunk) {
        if (data.kind() != TaskKind.LANGUAGE_MODELLING || !data.tokenInput()) {
            throw new ConfigException("setting 'bptt.stateful' is true, but dataset '" + data.dataset().id()
                    + "' is not running text for a language model (it is " + data.kind() + "): use bptt.stateful=false");
        }
        this.data = data;
        this.chunk = chunk;
        this.context = Math.max(0, data.window().size() - 1);
        for (String split : EncodedData.SPLITS) {
            List<EncodedData.Encoded> examples = data.split(split);
            int total = 0;
            for (EncodedData.Encoded e : examples) {
                total += e.ids().length;
            }
            int[] stream = new int[total];
            int at = 0;
            for (EncodedData.Encoded e : examples) {
                System.arraycopy(e.ids(), 0, stream, at, e.ids().length);
                at += e.ids().length;
            }
            streams.put(split, stream);
        }
    }

    EncodedData encoded() {
        return data;
    }

    int chunk() {
        return chunk;
    }

    /** The ids of a split's stream (shared, not copied). */
    int[] stream(String split) {
        return streams.get(split);
    }

    /** Each piece's number of predicted tokens: {@code chunk}, the last one possibly fewer. */
    @Override
    public int[] lengths(String split) {
        int predicted = Math.max(0, streams.get(split).length - 1);
        int[] out = new int[(predicted + chunk - 1) / chunk];
        for (int p = 0; p < out.length; p++) {
            out[p] = Math.min(chunk, predicted - p * chunk);
        }
        return out;
    }

    @Override
    public List<String> labels() {
        return data.labels();
    }

    @Override
    public boolean inTraining(String text) {
        return data.inTraining(text);
    }

    /**
     * The pieces {@code batch} names, one per row, time-major: the window's context steps (masked), then
     * the piece's inputs, each with the next token as its target; a shorter piece is padded (masked).
     */
    ModelBatch batch(String split, Batch batch) {
        int[] stream = streams.get(split);
        int rows = batch.size();
        int steps = context + batch.steps();
        int[] ids = new int[steps * rows];
        float[] mask = new float[steps * rows];
        int[] targets = new int[steps * rows];
        int[] lengths = new int[rows];
        for (int b = 0; b < rows; b++) {
            int start = batch.indices()[b] * chunk;
            int length = Math.min(chunk, stream.length - 1 - start);
            lengths[b] = context + length;
            for (int t = 0; t < context + length; t++) {
                int at = start - context + t;
                ids[t * rows + b] = at < 0 ? Vocabulary.PAD : stream[at];
                if (t >= context) {
                    mask[t * rows + b] = 1f;
                    targets[t * rows + b] = stream[at + 1];
                }
            }
        }
        return new ModelBatch(new ModelInput.Ids(new PaddedIds(ids, mask, lengths, steps, rows)),
                new Targets.StepClasses(targets));
    }

    /**
     * The state to start {@code batch} of the training split from: zeros (empty) at the epoch's first
     * batch (the one holding piece 0), else the last batch's final state, cut to this batch's rows.
     */
    List<Tensor> carried(Batch batch) {
        return batch.indices()[0] == 0 ? List.of() : rows(carried, batch.size());
    }

    /** Keeps the final state of a training batch for the next one (copies, so detached). */
    void carry(List<Tensor> finalStates) {
        carried = List.copyOf(finalStates);
    }

    /**
     * Forward and backward over {@code batch} of the training split from the carried state; the final
     * state is carried on once the trainer's update accepted the step.
     */
    void train(SequenceModel model, Batch batch, boolean measureFlow, TaskModel.ChunkUpdate update) {
        ModelBatch b = batch("train", batch);
        double[] norms = measureFlow ? new double[b.steps()] : null;
        SequenceModel.StepResult r = model.trainStep(b, carried(batch), norms, true);
        if (update.afterBackward(r.loss(), r.terms(), norms)) {
            carry(r.finalStates());
        }
    }

    /**
     * The language-model metrics of {@code model} on a split read the same way as training reads it: B
     * runs of pieces, the state carried from batch to batch; {@code loss} = {@code nats_per_token} over
     * every token of the stream but the first, {@code perplexity}, next-token {@code accuracy}.
     */
    Map<String, Double> evaluate(SequenceModel model, String split, String prefix, int batchSize) {
        List<Tensor> states = List.of();
        double lossSum = 0;
        long terms = 0;
        long right = 0;
        for (Batch batch : new Batcher(batchSize).strided(lengths(split))) {
            SequenceModel.Predictions p = model.evaluate(batch(split, batch), rows(states, batch.size()));
            lossSum += p.lossSum();
            terms += p.terms();
            for (int i = 0; i < p.terms(); i++) {
                right += p.predicted()[i] == p.actual()[i] ? 1 : 0;
            }
            states = p.finalStates();
        }
        double loss = terms == 0 ? Double.NaN : lossSum / terms;
        Map<String, Double> m = new TreeMap<>();
        m.put(prefix + ".loss", loss);
        m.put(prefix + ".nats_per_token", loss);
        m.put(prefix + ".perplexity", Math.exp(loss));
        m.put(prefix + ".accuracy", terms == 0 ? Double.NaN : (double) right / terms);
        return m;
    }

    /** The first {@code rows} rows of each state (a shorter batch lacks only the last runs), as views. */
    static List<Tensor> rows(List<Tensor> states, int rows) {
        List<Tensor> out = new ArrayList<>(states.size());
        for (Tensor s : states) {
            out.add(s.dim(0) == rows ? s : Tensor.view(s.data(), s.offset(), rows, s.dim(1)));
        }
        return out;
    }
}
