package org.rnnlab.cells;

import java.util.Arrays;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.FusedOp;
import org.rnnlab.engine.kernel.KernelThreads;
import org.rnnlab.engine.kernel.Kernels;

/**
 * What the built-in sequence kernels share: the input layout of {@link org.rnnlab.api.cell.SequenceKernel}
 * ({@code x}, initial states, optional mask, parameters), shape checks, the input projection of all
 * {@code T*B} rows as one GEMM and the input-side gradients as one GEMM each.
 *
 * <p>Buffers kept from forward for backward come from the graph's workspace, so a step in steady state
 * allocates nothing but this small object. Padded rows (mask 0) keep the previous state: their forward
 * copies it and their backward passes the state gradient straight through.
 */
abstract class SequenceOp implements FusedOp {
    protected final Kernels k = Kernels.get();
    protected final String name;
    protected final int steps;
    protected final int batch;
    protected final int input;
    protected final int hidden;
    protected final int rows;
    protected final int stateCount;
    protected final boolean masked;
    protected final double[] norms;

    SequenceOp(String name, int steps, int batch, int input, int hidden, int stateCount, boolean masked, double[] norms) {
        this.name = name;
        this.steps = steps;
        this.batch = batch;
        this.input = input;
        this.hidden = hidden;
        this.rows = steps * batch;
        this.stateCount = stateCount;
        this.masked = masked;
        this.norms = norms;
        if (norms != null && norms.length != steps) {
            throw new IllegalArgumentException(name + ": stepGradientNorms has length " + norms.length + ", not " + steps);
        }
    }

    /** The shapes of the parameters, in the cell's parameter order. */
    abstract int[][] parameterShapes();

    @Override
    public String name() {
        return name;
    }

    /** Index of the first parameter among the inputs. */
    final int firstParameter() {
        return 1 + stateCount + (masked ? 1 : 0);
    }

    @Override
    public int[][] outputShapes(Tensor[] in) {
        int[][] params = parameterShapes();
        int expected = firstParameter() + params.length;
        if (in.length != expected) {
            throw new ShapeException(name + ": expected " + expected + " inputs (x, " + stateCount + " states, "
                    + (masked ? "mask, " : "") + params.length + " parameters) but got " + in.length);
        }
        in[0].requireShape(name + " input x", rows, input);
        for (int s = 0; s < stateCount; s++) {
            in[1 + s].requireShape(name + " initial state " + s, batch, hidden);
        }
        if (masked && in[1 + stateCount].size() != rows) {
            throw new ShapeException(name + ": mask needs " + rows + " entries but has shape "
                    + Arrays.toString(in[1 + stateCount].shape()));
        }
        for (int p = 0; p < params.length; p++) {
            in[firstParameter() + p].requireShape(name + " parameter " + p, params[p]);
        }
        int[][] out = new int[1 + stateCount][];
        out[0] = new int[] {rows, hidden};
        for (int s = 0; s < stateCount; s++) {
            out[1 + s] = new int[] {batch, hidden};
        }
        return out;
    }

    /** Whether row {@code row} of all {@code T*B} is a real step (always, without a mask). */
    final boolean live(Tensor[] in, int row) {
        if (!masked) {
            return true;
        }
        Tensor m = in[1 + stateCount];
        return m.data()[m.offset() + row] != 0f;
    }

    /** Stores {@code ||dh||} for step {@code t} when asked to. */
    final void recordNorm(int t, float[] dh, int off) {
        if (norms != null) {
            norms[t] = Math.sqrt(k.sumOfSquares(batch * hidden, dh, off));
        }
    }

    /** {@code out[T*B, cols] = x W^T + bias} for all steps at once. */
    final void projectInputs(Tensor x, Tensor w, Tensor bias, int cols, float[] out, int outOff) {
        k.gemmNT(rows, cols, input, x.data(), x.offset(), input, w.data(), w.offset(), input, out, outOff, cols, false);
        k.addBias(rows, cols, bias.data(), bias.offset(), out, outOff);
    }

    /** {@code out[T*B, cols] = x W^T + b1 + b2}: both biases added in one pass. */
    final void projectInputs(Tensor x, Tensor w, Tensor b1, Tensor b2, int cols, float[] out, int outOff, Workspace ws) {
        Tensor bias = ws.take(cols);
        k.add(cols, b1.data(), b1.offset(), b2.data(), b2.offset(), bias.data(), bias.offset());
        projectInputs(x, w, bias, cols, out, outOff);
    }

    /** Both bias gradients from one column sum, when two biases add to the same pre-activations. */
    final void biasGradients(float[] d, int dOff, int cols, Tensor gradA, Tensor gradB, Workspace ws) {
        if (gradA == null && gradB == null) {
            return;
        }
        Tensor sum = ws.take(cols);
        k.sumRows(rows, cols, d, dOff, sum.data(), sum.offset());
        addInto(gradA, sum.data(), sum.offset());
        addInto(gradB, sum.data(), sum.offset());
    }

    /** {@code dW += dPre^T x}, {@code db += column sums of dPre}, {@code dx += dPre W}, skipping null gradients. */
    final void inputGradients(Tensor x, Tensor w, Tensor gradX, Tensor gradW, Tensor gradB, float[] d, int dOff, int cols) {
        if (gradW != null) {
            k.gemmTN(cols, input, rows, d, dOff, cols, x.data(), x.offset(), input, gradW.data(), gradW.offset(), input, true);
        }
        if (gradB != null) {
            k.sumRows(rows, cols, d, dOff, gradB.data(), gradB.offset());
        }
        if (gradX != null) {
            k.gemmNN(rows, input, cols, d, dOff, cols, w.data(), w.offset(), input, gradX.data(), gradX.offset(), input, true);
        }
    }

    /**
     * {@code dW_hh[m rows from firstRow] += dGate^T * hPrev} over all steps, where the previous state of
     * step 0 is {@code h0} and that of step t is {@code y_{t-1}}: two GEMMs, no copy.
     */
    final void recurrentWeightGradient(int m, float[] d, int dOff, int ldd, Tensor h0, Tensor y, Tensor gradW, int firstRow) {
        if (gradW == null) {
            return;
        }
        int cOff = gradW.offset() + firstRow * hidden;
        k.gemmTN(m, hidden, batch, d, dOff, ldd, h0.data(), h0.offset(), hidden, gradW.data(), cOff, hidden, true);
        if (steps > 1) {
            k.gemmTN(m, hidden, rows - batch, d, dOff + batch * ldd, ldd, y.data(), y.offset(), hidden,
                    gradW.data(), cOff, hidden, true);
        }
    }

    /**
     * Runs one time step's {@code task} over the hidden units, split over the kernel threads when the step's
     * recurrent product ({@code batch x gateColumns x hidden} multiply-adds) pays for it. Each part owns its
     * units for the whole step: their columns of the recurrent product in every gate, then their element-wise
     * gate work, so a step costs one hand-off instead of a product and a serial pass.
     */
    final void overUnits(int gateColumns, KernelThreads.Range task) {
        KernelThreads.split(hidden, UNIT_ALIGN, (long) batch * gateColumns * hidden, task);
    }

    /** Units per block of a split step: 16 floats, a cache line and a whole number of vectors at every width. */
    static final int UNIT_ALIGN = 16;

    /**
     * Whether a pass through time is split by batch rows: each kernel thread then runs every time step for its
     * own rows, one hand-off for the whole pass instead of one per step, since the rows of a batch never meet
     * inside a layer's recurrence. It takes two blocks of {@link #ROW_ALIGN} rows for each of two threads; with
     * fewer rows each step is split by units. The step norms of backward ({@code norms}) sum over all rows
     * of a step, so their passes are split by units too.
     */
    final boolean splitsRows() {
        return batch >= 4 * ROW_ALIGN;
    }

    /** Rows per block of a split by rows: a register tile of the products is 4 or 8 rows high. */
    static final int ROW_ALIGN = 4;

    /**
     * The forward recurrence: every step {@code t} from 0, split by rows ({@link #splitsRows}) or each step by
     * units ({@link #overUnits}). The per-element work is the same either way, so the bits are too.
     */
    final void forwardThroughTime(ForwardPass pass, int gateColumns) {
        if (splitsRows()) {
            pass.unitStep = -1;
            overRows(gateColumns, pass);
        } else {
            for (int t = 0; t < steps; t++) {
                pass.unitStep = t;
                overUnits(gateColumns, pass);
            }
        }
    }

    /** Runs a whole pass through time's {@code task} over the batch rows ({@link #splitsRows}). */
    private void overRows(int gateColumns, KernelThreads.Range task) {
        KernelThreads.split(batch, ROW_ALIGN, (long) steps * batch * gateColumns * hidden, task);
    }

    /** The forward work of a step at some rows and units, for {@link #forwardThroughTime}. */
    abstract class ForwardPass implements KernelThreads.Range {
        /** The step a pass by units runs; -1: a pass by rows, each part running every step. */
        private int unitStep;

        /** Step t's recurrent product and cell at rows {@code [b0, b1)} and units {@code [from, to)}. */
        abstract void step(int t, int b0, int b1, int from, int to);

        @Override
        public final void run(int from, int to) {
            if (unitStep >= 0) {
                step(unitStep, 0, batch, from, to);
                return;
            }
            for (int t = 0; t < steps; t++) {
                step(t, from, to, 0, hidden);
            }
        }
    }

    /** {@code dh += dY_t} at rows {@code [b0, b1)} and units {@code [from, to)} (no norm: the whole step is not there). */
    final void addOutputGradient(int t, Tensor dY, float[] dh, int dhOff, int b0, int b1, int from, int to) {
        int h = hidden;
        int base = dY.offset() + t * batch * h;
        for (int b = b0; b < b1; b++) {
            k.add(to - from, dh, dhOff + b * h + from, dY.data(), base + b * h + from, dh, dhOff + b * h + from);
        }
    }

    /**
     * Back-propagation through time. Without step norms and with enough rows ({@link #splitsRows}), each kernel
     * thread runs all steps for its rows: output gradient, gates, then the product {@code dh (+)= dPre_t W_hh}.
     * Otherwise the steps are split by units, one pass per step: the product of step t (it needs every unit's
     * {@code dPre_t}, so it starts a pass), then at the same units the output gradient and the gates of step
     * t-1 (which need only those units). With step norms, the whole {@code dh} of a step is wanted between its
     * output gradient and its gates, so the step takes two passes. Every element sees the same operations in
     * the same order in all three ways. {@code toInitialState}: the product of step 0 is run too (the initial
     * state wants a gradient).
     */
    final void backwardThroughTime(BackwardPass pass, int gateColumns, boolean toInitialState, Tensor dY, Tensor dh) {
        pass.dY = dY;
        pass.dh = dh;
        pass.gateColumns = gateColumns;
        if (norms != null) {
            for (int t = steps - 1; t >= 0; t--) {
                addOutputGradient(t, dY, dh.data(), dh.offset());
                pass.at(-1, t, false);
                overUnits(gateColumns, pass);
                if (t > 0 || toInitialState) {
                    pass.at(t, -1, false);
                    overUnits(gateColumns, pass);
                }
            }
        } else if (splitsRows()) {
            pass.byRows = true;
            pass.toInitialState = toInitialState;
            try {
                overRows(gateColumns, pass);
            } finally {
                pass.byRows = false;
            }
        } else {
            pass.at(-1, steps - 1, true);
            overUnits(gateColumns, pass);
            for (int t = steps - 1; t >= 0; t--) {
                if (t > 0 || toInitialState) {
                    pass.at(t, t - 1, true);
                    overUnits(gateColumns, pass);
                }
            }
        }
        pass.dY = null;
        pass.dh = null;
        pass.dPre = null;
        pass.whh = null;
    }

    /**
     * One part of {@link #backwardThroughTime}: at units {@code [from, to)}, a step's product, then another's
     * gates; or, split by rows, every step at rows {@code [from, to)}.
     */
    abstract class BackwardPass implements KernelThreads.Range {
        Tensor dY;
        Tensor dh;
        /** The pre-activation gradients of every step, {@code [T*B, gateColumns]}. */
        Tensor dPre;
        Tensor whh;
        /** Whether the product adds to {@code dh} (else overwrites it). */
        boolean accumulate = true;
        private int gateColumns;
        private int productStep;
        private int gateStep;
        private boolean output;
        private boolean byRows;
        private boolean toInitialState;

        private void at(int product, int gates, boolean withOutput) {
            productStep = product;
            gateStep = gates;
            output = withOutput;
        }

        /** {@code dh (+)= dPre_t W_hh} at rows {@code [b0, b1)} and units {@code [from, to)}. */
        private void product(int t, int b0, int b1, int from, int to) {
            int g = gateColumns;
            k.gemmNN(b1 - b0, to - from, g, dPre.data(), dPre.offset() + (t * batch + b0) * g, g, whh.data(),
                    whh.offset() + from, hidden, dh.data(), dh.offset() + b0 * hidden + from, hidden, accumulate);
        }

        /** Step t's pre-activation gradients at rows {@code [b0, b1)} and units {@code [from, to)}, from {@code dh}. */
        abstract void gates(int t, int b0, int b1, int from, int to);

        @Override
        public final void run(int from, int to) {
            if (byRows) {
                for (int t = steps - 1; t >= 0; t--) {
                    addOutputGradient(t, dY, dh.data(), dh.offset(), from, to, 0, hidden);
                    gates(t, from, to, 0, hidden);
                    if (t > 0 || toInitialState) {
                        product(t, from, to, 0, hidden);
                    }
                }
                return;
            }
            if (productStep >= 0) {
                product(productStep, 0, batch, from, to);
            }
            if (gateStep >= 0) {
                if (output) {
                    addOutputGradient(gateStep, dY, dh.data(), dh.offset(), 0, batch, from, to);
                }
                gates(gateStep, 0, batch, from, to);
            }
        }
    }

    /** {@code dh += dY_t}, then records its norm. */
    final void addOutputGradient(int t, Tensor dY, float[] dh, int dhOff) {
        int n = batch * hidden;
        k.add(n, dh, dhOff, dY.data(), dY.offset() + t * n, dh, dhOff);
        recordNorm(t, dh, dhOff);
    }

    /** {@code grad += value} when a gradient is wanted. */
    final void addInto(Tensor grad, float[] value, int off) {
        if (grad != null) {
            k.axpy(grad.size(), 1f, value, off, grad.data(), grad.offset());
        }
    }

    /**
     * {@code W^T} of a {@code [rows, cols]} weight, in a workspace buffer {@code [cols, rows]}: the
     * per-step product {@code h W^T} then runs as a plain {@code gemmNN}, which streams rows of the
     * transposed weight instead of taking a dot product per output; the copy costs one pass over the
     * weight per sequence, against {@code T} products.
     */
    final Tensor transposed(Workspace ws, Tensor w) {
        Tensor t = ws.take(w.dim(1), w.dim(0));
        transpose.of(w, t);
        KernelThreads.split(w.dim(1), TransposeTask.TILE, (long) w.size() * TransposeTask.COST, transpose);
        transpose.of(null, null);
        return t;
    }

    private final TransposeTask transpose = new TransposeTask();

    /** Rows {@code [from, to)} of {@code dst = src^T}, for {@link #transposed}. */
    private static final class TransposeTask implements KernelThreads.Range {
        /**
         * Rows of the weights are 2^k floats apart, so the rows of a square tile fall into few cache sets: a
         * tile of 16 destination rows by 16 source rows stays within what one set holds.
         */
        static final int TILE = 16;
        /**
         * The work of moving one element, in the multiply-adds {@link KernelThreads#split} weighs passes by: a
         * strided load and a store took ~1.6 ns on the 2-core Zen 5 (0.42 ms for the rnn's {@code W_hh} at
         * H=512), the time of ~70 multiply-adds of a vectorized product. So a weight of 2^16 elements or more
         * (H=128 of an lstm, H=256 of an rnn) is split over the kernel threads.
         */
        static final int COST = 64;
        private Tensor src;
        private Tensor dst;

        void of(Tensor s, Tensor d) {
            src = s;
            dst = d;
        }

        @Override
        public void run(int from, int to) {
            int r = src.dim(0);
            int c = src.dim(1);
            float[] s = src.data();
            float[] d = dst.data();
            int so = src.offset();
            int dof = dst.offset();
            for (int j0 = from; j0 < to; j0 += TILE) {
                int j1 = Math.min(to, j0 + TILE);
                for (int i0 = 0; i0 < r; i0 += TILE) {
                    int i1 = Math.min(r, i0 + TILE);
                    for (int j = j0; j < j1; j++) {
                        for (int i = i0; i < i1; i++) {
                            d[dof + j * r + i] = s[so + i * c + j];
                        }
                    }
                }
            }
        }
    }

    /** A workspace copy of {@code t}. */
    static Tensor copyOf(Workspace ws, Tensor t) {
        Tensor c = ws.take(t.shape());
        c.copyFrom(t);
        return c;
    }
}
