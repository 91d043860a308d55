package org.rnnlab.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.kernel.Kernels;
import org.rnnlab.engine.kernel.ScalarKernels;
import org.rnnlab.engine.kernel.VectorKernels;

/**
 * Bytes allocated per training step of a small recurrent model (embedding, tanh RNN unrolled over T
 * steps, linear head, masked softmax cross-entropy, SGD update) do not grow with the number of steps:
 * the workspace hands the same buffers back after every {@link Graph#reset()}.
 *
 * <p>Both kernel sets are measured; the vector kernels after a warm-up long enough for C2, because Vector
 * API code allocates boxed vectors until C2 has compiled it (that is warm-up, not growth). Measured: ~11.8
 * KB per step for either set (node objects and views only).
 */
class StepAllocationTest {
    static final int VOCAB = 11;
    static final int EMBED = 8;
    static final int HIDDEN = 64;
    static final int BATCH = 8;
    static final int STEPS = 12;
    /** See the comment at the assertion. */
    static final double BYTES_PER_STEP_BOUND = 32 * 1024;

    private final Tensor embedding = Tensor.zeros(VOCAB, EMBED);
    private final Tensor wIh = Tensor.zeros(HIDDEN, EMBED);
    private final Tensor wHh = Tensor.zeros(HIDDEN, HIDDEN);
    private final Tensor bias = Tensor.zeros(HIDDEN);
    private final Tensor wOut = Tensor.zeros(VOCAB, HIDDEN);
    private final List<Tensor> params = List.of(embedding, wIh, wHh, bias, wOut);
    private final List<Tensor> grads = params.stream().map(p -> Tensor.zeros(p.shape())).toList();
    private final int[] ids = new int[STEPS * BATCH];
    private final int[] targets = new int[STEPS * BATCH];
    private final Tensor mask = Tensor.zeros(STEPS * BATCH);
    private final Tensor h0 = Tensor.zeros(BATCH, HIDDEN);
    private final List<Var> outputs = new ArrayList<>(STEPS);
    private final double[] stepNorms = new double[STEPS];

    @Test
    void bytesPerStepDoNotGrowWithTheNumberOfSteps() {
        measure(new ScalarKernels(), 50);
    }

    /**
     * The Vector API kernels, once C2 has compiled them: a vector that escapes (into a call C2 did not
     * inline, say) is a heap object per use, megabytes per step of a real model. Before C2 has compiled
     * the kernels they allocate too, and how long that takes depends on the machine's load: the warm-up
     * runs at least 3,000 steps and then goes on, in windows of 200 steps and for at most 120 s, until a
     * window stays under the bound; the measurement after it is the same as for the scalar kernels.
     */
    @Test
    void vectorKernelsAllocateNextToNothingOnceCompiled() {
        measure(new VectorKernels(), 3000, Duration.ofSeconds(120));
    }

    private void measure(Kernels kernels, int warmup) {
        measure(kernels, warmup, Duration.ZERO);
    }

    private void measure(Kernels kernels, int warmup, Duration untilSteady) {
        SplittableRandom r = new SplittableRandom(3);
        for (Tensor p : params) {
            for (int i = 0; i < p.size(); i++) {
                p.data()[i] = (float) r.nextDouble(-0.3, 0.3);
            }
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.nextInt(VOCAB);
            targets[i] = r.nextInt(VOCAB);
            mask.data()[i] = i < ids.length - BATCH ? 1f : 0f;
        }
        Graph graph = new Graph(new Workspace(), kernels);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();

        double firstLoss = trainStep(graph);
        if (!untilSteady.isZero()) {
            long deadline = System.nanoTime() + untilSteady.toNanos();
            for (int step = 1; step < warmup; step++) {
                trainStep(graph);
            }
            while (System.nanoTime() < deadline) {
                long before = threads.getThreadAllocatedBytes(tid);
                for (int step = 0; step < 200; step++) {
                    trainStep(graph);
                }
                if ((threads.getThreadAllocatedBytes(tid) - before) / 200.0 < BYTES_PER_STEP_BOUND) {
                    break;
                }
            }
            warmup = 0;
        }
        double lastLoss = firstLoss;
        long at50 = 0;
        long at100 = 0;
        for (int step = 0; step < warmup + 150; step++) {
            if (step == warmup) {
                at50 = threads.getThreadAllocatedBytes(tid);
            } else if (step == warmup + 50) {
                at100 = threads.getThreadAllocatedBytes(tid);
            }
            lastLoss = trainStep(graph);
        }
        long at200 = threads.getThreadAllocatedBytes(tid);
        double early = (at100 - at50) / 50.0;
        double late = (at200 - at100) / 100.0;

        // The model learns (the steps are real training steps, not idle loops).
        assertThat(lastLoss).isLessThan(firstLoss);
        // Per step we allocate only node objects, views and small arrays: a constant amount, nothing
        // proportional to the number of steps taken. Late may not exceed early by more than 1% + 64
        // bytes (room for JIT effects): a leak of even one [B, H] buffer per step (256 bytes of floats
        // plus its Tensor) would exceed that. The absolute bound: this model records ~100 nodes per
        // step, so 32 KiB (~320 bytes per node) is "next to nothing" next to the 30 KiB of buffers.
        assertThat(late).as("%s: bytes per step, first window: %s, second: %s", kernels.name(), early, late)
                .isLessThanOrEqualTo(early * 1.01 + 64)
                .isLessThan(BYTES_PER_STEP_BOUND);
        System.out.printf("%s: allocated bytes per step: %.0f, then %.0f%n", kernels.name(), early, late);
    }

    private double trainStep(Graph g) {
        List<Var> p = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            p.add(g.parameter(params.get(i), grads.get(i)));
        }
        Var x = g.embedding(p.get(0), ids);
        Var inputs = g.matmulTransposed(x, p.get(1));
        Var h = g.constant(h0);
        outputs.clear();
        for (int t = 0; t < STEPS; t++) {
            Var pre = g.add(g.sliceRows(inputs, t * BATCH, (t + 1) * BATCH), g.matmulTransposed(h, p.get(2)));
            h = g.tanh(g.addBias(pre, p.get(3)));
            int step = t;
            g.watchGradient(h, grad -> stepNorms[step] = Math.sqrt(g.kernels().sumOfSquares(grad.size(), grad.data(), grad.offset())));
            outputs.add(h);
        }
        Var logits = g.matmulTransposed(g.concatRows(outputs), p.get(4));
        Var loss = g.softmaxCrossEntropy(logits, targets, mask);
        double value = loss.value().item();
        g.backward(loss);
        for (int i = 0; i < params.size(); i++) {
            Tensor w = params.get(i);
            Tensor d = grads.get(i);
            g.kernels().axpy(w.size(), -0.5f, d.data(), d.offset(), w.data(), w.offset());
            d.fill(0f);
        }
        g.reset();
        return value;
    }
}
