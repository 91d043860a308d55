package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.PaddedVectors;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.Targets;

/**
 * The rolls of a {@link org.rnnlab.api.data.TaskKind#MULTI_LABEL_SEQUENCE} dataset, batched for next-step
 * prediction: the input at step 0 is a zero frame and at step t the frame of step t-1, the target at step t
 * is the frame of step t, so every step of a roll is predicted, the first one from nothing.
 */
final class MultiLabelData implements TaskData {
    private final Dataset dataset;
    private final Map<String, List<float[][]>> splits = new LinkedHashMap<>();
    private final int outputs;

    MultiLabelData(Dataset dataset) {
        this.dataset = dataset;
        int width = -1;
        for (String split : List.of("train", "validation", "test")) {
            List<float[][]> rolls = new ArrayList<>();
            for (Example e : dataset.split(split)) {
                if (!(e instanceof VectorExample v)) {
                    throw new ConfigException("dataset '" + dataset.id() + "' " + split + " split: the multi-label task reads"
                            + " vector steps (the outputs on at each step), not " + e.getClass().getSimpleName());
                }
                if (width < 0) {
                    width = v.features();
                } else if (v.features() != width) {
                    throw new ConfigException("dataset '" + dataset.id() + "' " + split + " split: a sequence has "
                            + v.features() + " outputs per step, the first had " + width);
                }
                rolls.add(v.steps());
            }
            splits.put(split, rolls);
        }
        this.outputs = width;
    }

    Dataset dataset() {
        return dataset;
    }

    /** Outputs per step (88 keys for a piano roll); the model reads as many inputs. */
    int outputs() {
        return outputs;
    }

    List<float[][]> rolls(String split) {
        return splits.get(split);
    }

    @Override
    public int[] lengths(String split) {
        return splits.get(split).stream().mapToInt(r -> r.length).toArray();
    }

    @Override
    public List<String> labels() {
        return List.of();
    }

    /** The examples {@code batch} picks from {@code split}: shifted inputs, frames as targets, time-major. */
    ModelBatch batch(String split, Batch batch) {
        List<float[][]> inputs = new ArrayList<>(batch.size());
        List<float[][]> targets = new ArrayList<>(batch.size());
        for (int i : batch.indices()) {
            float[][] roll = splits.get(split).get(i);
            float[][] shifted = new float[roll.length][];
            shifted[0] = new float[outputs];
            System.arraycopy(roll, 0, shifted, 1, roll.length - 1);
            inputs.add(shifted);
            targets.add(roll);
        }
        PaddedVectors in = PaddedVectors.timeMajor(inputs);
        return new ModelBatch(new ModelInput.Features(in),
                new Targets.StepKeys(PaddedVectors.timeMajor(targets).values(), outputs));
    }
}
