package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.data.NextTokenBatch;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.Targets;

/**
 * A steady {@link SequenceModel} training step takes its tensors from the workspace: what it allocates
 * does not grow with the tensor sizes. Surefire runs this class in its own JVM on the scalar kernels
 * (see the pom): it checks the model and the graph, not the Vector API's boxing, which is the engine's
 * to keep away.
 */
class StepAllocationTest {

    @Test
    void aSteadyTrainingStepAllocatesNoTensorBuffers() {
        long small = bytesPerStep(8);
        long large = bytesPerStep(128);
        System.out.println("bytes allocated per training step (T=11, B=2, 2 GRU layers): H=8 " + small + ", H=128 " + large);
        // At H=128 one step's activations and gradients take well over 100 KiB; were they allocated afresh,
        // the allocation would grow with H. What remains is the tape's node objects and the cell stack's
        // zero initial states (B x H floats per layer), so 4 KiB of growth is the budget.
        assertThat(large).isLessThan(small + 4096);
    }

    private static long bytesPerStep(int hidden) {
        ModelSpec spec = new ModelSpec(TaskKind.LANGUAGE_MODELLING, true, 9, 4, 9, "gru", hidden, 2, Map.of(), true);
        SequenceModel m = SequenceModel.create(new TestComponents().get(ComponentKind.CELL, "gru"), spec,
                new SplittableRandom(3));
        NextTokenBatch b = NextTokenBatch.of(List.of(new int[] {4, 5, 6, 7, 8, 4, 5, 6, 7, 8},
                new int[] {5, 6, 7, 8, 4, 5, 6, 7, 8, 4}));
        ModelBatch batch = new ModelBatch(new ModelInput.Ids(b.inputs()), new Targets.StepClasses(b.targets().ids()));
        for (int i = 0; i < 300; i++) {
            m.trainStep(batch, List.of(), null, false);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int steps = 100;
        for (int i = 0; i < steps; i++) {
            m.trainStep(batch, List.of(), null, false);
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / steps;
    }
}
