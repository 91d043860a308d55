package org.rnnlab.trainers;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.SequenceModel;

/** A task model whose weights are those of one {@link SequenceModel}: parameters, values and loading delegate to it. */
interface SequenceModelTaskModel extends TaskModel {

    SequenceModel model();

    @Override
    default List<Parameter> parameters() {
        return model().parameters();
    }

    @Override
    default Map<String, Tensor> namedValues() {
        return model().namedValues();
    }

    @Override
    default void load(Map<String, Tensor> values) {
        model().load(values);
    }
}
