package org.rnnlab.trainers;

import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.TruncatedBackprop;

/**
 * A {@link SequenceModel} as a {@link SequenceTask} hands it on: with the tokenizer and vocabulary that
 * turn text into its input (both null for vector inputs), so that a rebuilt model can generate.
 */
record SequenceTaskModel(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary) implements SequenceModelTaskModel {

    @Override
    public void trainBatch(TaskData data, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update) {
        TruncatedBackprop.train(model, ((EncodedData) data).batch("train", batch), truncation, measureFlow, update);
    }
}
