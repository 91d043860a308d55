package org.rnnlab.trainers;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.seq2seq.EncoderDecoder;
import org.rnnlab.model.seq2seq.PairVocabularies;
import org.rnnlab.model.seq2seq.Translator;

/**
 * An {@link EncoderDecoder} as the sequence-to-sequence task hands it on, with the vocabularies that
 * turn text into ids and back, the output length limit of decoding, and how evaluation decodes (greedy
 * with beam width 1, else beam search with length normalisation {@code alpha}). A batch is one chunk: the
 * encoder and decoder are back-propagated through whole, whatever the truncation.
 */
record PairTaskModel(EncoderDecoder model, PairVocabularies vocabularies, int maxLength, int beamWidth, double alpha)
        implements TaskModel, Translator {

    @Override
    public List<Parameter> parameters() {
        return model.parameters();
    }

    @Override
    public void load(Map<String, Tensor> values) {
        model.load(values);
    }

    @Override
    public void trainBatch(TaskData data, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update) {
        var pairs = ((PairData) data).batch("train", batch);
        double loss = model.trainStep(pairs);
        update.afterBackward(loss, pairs.targetTokens(), null);
    }
}
