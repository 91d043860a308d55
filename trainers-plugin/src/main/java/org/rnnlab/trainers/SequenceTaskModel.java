package org.rnnlab.trainers;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.TruncatedBackprop;

/**
 * A {@link SequenceModel} as a {@link SequenceTask} hands it on: with the tokenizer and vocabulary that
 * turn text into its input (both null for vector inputs), so that a rebuilt model can generate.
 */
record SequenceTaskModel(SequenceModel model, Tokenizer tokenizer, Vocabulary vocabulary) implements TaskModel {

    @Override
    public List<Parameter> parameters() {
        return model.parameters();
    }

    @Override
    public Map<String, Tensor> namedValues() {
        return model.namedValues();
    }

    @Override
    public void load(Map<String, Tensor> values) {
        model.load(values);
    }

    @Override
    public void trainBatch(TaskData data, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update) {
        TruncatedBackprop.train(model, ((EncodedData) data).batch("train", batch), truncation, measureFlow, update);
    }
}
