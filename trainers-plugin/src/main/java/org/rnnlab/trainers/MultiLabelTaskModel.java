package org.rnnlab.trainers;

import org.rnnlab.api.data.Batch;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.TruncatedBackprop;

/**
 * A {@link SequenceModel} with a multi-label head, as {@link MultiLabelTask} builds and rebuilds it, and the
 * grid of the rolls it models ({@code stepsPerQuarter} time steps per quarter note), which its samples keep
 * when written as MIDI files.
 */
record MultiLabelTaskModel(SequenceModel model, int stepsPerQuarter) implements SequenceModelTaskModel {

    @Override
    public void trainBatch(TaskData data, Batch batch, int truncation, boolean measureFlow, ChunkUpdate update) {
        TruncatedBackprop.train(model, ((MultiLabelData) data).batch("train", batch), truncation, measureFlow, update);
    }
}
