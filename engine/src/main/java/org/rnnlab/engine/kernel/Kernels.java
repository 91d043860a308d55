package org.rnnlab.engine.kernel;

/**
 * The float32 kernels every tensor operation runs on. Two implementations exist: {@link ScalarKernels},
 * the plain-loop reference, and {@link VectorKernels}, on the Vector API; {@link #get()} picks one at
 * start-up ({@code -Drnnlab.kernels=scalar|vector} forces it, see {@link KernelSelection}).
 *
 * <p>Matrices are row-major regions of arrays: {@code (array, offset, leading dimension)}. The GEMM
 * forms either overwrite {@code C} or add to it ({@code accumulate}). No method allocates once warm
 * (the vector GEMM grows per-thread packing buffers to the largest shape seen). Implementations are
 * thread-safe; with {@link KernelThreads} the calling thread's large products and element-wise passes
 * are split over a fixed pool.
 *
 * <p><b>The same bits everywhere.</b> Every implementation computes every output element by the same
 * sequence of IEEE operations, so results are equal bit for bit whatever the implementation, the vector
 * width, the register tile and the number of threads, interpreted or compiled:
 * <ul>
 *   <li>a GEMM element is one chain of fused multiply-adds along the shared dimension in increasing
 *       order, {@code c = fma(a_p, b_p, c)}, starting from {@code C} when accumulating and from zero
 *       otherwise; blocking and threads only decide which thread computes which chain, and when;</li>
 *   <li>{@code axpy} and {@code mulAccumulate} are one fused multiply-add per element, every other
 *       element-wise operation the same float operations in the same order as {@link ScalarKernels};</li>
 *   <li>exp, sigmoid and tanh are {@link FloatMath}'s (never the Vector API's {@code EXP}/{@code TANH},
 *       whose result depends on whether C2 has compiled the loop);</li>
 *   <li>reductions run in an order that depends only on their length ({@link Sums}; the softmax
 *       normaliser adds a row's exponentials left to right).</li>
 * </ul>
 * Tests check each vector kernel against its scalar twin for equality of bits.
 */
public interface Kernels {

    /** The kernels chosen for this JVM (see class comment). */
    static Kernels get() {
        return KernelSelection.SELECTED;
    }

    /** {@code "scalar"} or {@code "vector"}. */
    String name();

    /** The register tile of the GEMMs (for provenance), e.g. {@code "8x3"}; {@code "none"} for plain loops. */
    default String tile() {
        return "none";
    }

    /** Width of the float vectors used, in bits; 32 for the scalar kernels. */
    int vectorBits();

    /** {@code C[m,n] (+)= A[m,k] * B[k,n]}. */
    void gemmNN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                float[] c, int cOff, int ldc, boolean accumulate);

    /** {@code C[m,n] (+)= A[m,k] * B[n,k]^T}: the PyTorch {@code Linear} layout. */
    void gemmNT(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                float[] c, int cOff, int ldc, boolean accumulate);

    /** {@code C[m,n] (+)= A[k,m]^T * B[k,n]}: weight gradients over {@code k} rows. */
    void gemmTN(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                float[] c, int cOff, int ldc, boolean accumulate);

    /** {@code y += alpha * x}. */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** {@code x[i] = value} for {@code n} elements (a workspace buffer zeroed, gradients cleared). */
    void fill(int n, float value, float[] x, int xOff);

    /** {@code x *= alpha}. */
    void scale(int n, float alpha, float[] x, int xOff);

    /** {@code z = x + y}, element-wise. */
    void add(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff);

    /** {@code z = x * y}, element-wise. */
    void mul(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff);

    /** {@code z += x * y}, element-wise (the backward of {@link #mul}). */
    void mulAccumulate(int n, float[] x, int xOff, float[] y, int yOff, float[] z, int zOff);

    /** Adds {@code bias[cols]} to every row of {@code x[rows, cols]}. */
    void addBias(int rows, int cols, float[] bias, int biasOff, float[] x, int xOff);

    /** {@code bias[cols] += column sums of g[rows, cols]}. */
    void sumRows(int rows, int cols, float[] g, int gOff, float[] bias, int biasOff);

    /** {@code y = sigmoid(x)}; {@code y} may be {@code x}. */
    void sigmoid(int n, float[] x, int xOff, float[] y, int yOff);

    /** {@code y = tanh(x)}; {@code y} may be {@code x}. */
    void tanh(int n, float[] x, int xOff, float[] y, int yOff);

    /** {@code y = max(x, 0)}; {@code y} may be {@code x}. */
    void relu(int n, float[] x, int xOff, float[] y, int yOff);

    /** {@code dx (+)= dy * y * (1 - y)} where {@code y = sigmoid(x)}. */
    void sigmoidBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, boolean accumulate);

    /** {@code dx (+)= dy * (1 - y^2)} where {@code y = tanh(x)}. */
    void tanhBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, boolean accumulate);

    /** {@code dx (+)= dy * [y > 0]} where {@code y = relu(x)}. */
    void reluBackward(int n, float[] y, int yOff, float[] dy, int dyOff, float[] dx, int dxOff, boolean accumulate);

    /**
     * Row softmax and cross-entropy with a mask. For each row r of {@code logits[rows, cols]} with
     * {@code mask[r] != 0}: loss += mask[r] * -log softmax(row)[target[r]]. Writes
     * {@code grad[r] = mask[r] * (softmax(row) - onehot(target[r])) * gradScale} (zero for masked rows)
     * and returns the summed (unscaled) loss. {@code mask} may be null (all ones).
     */
    double softmaxCrossEntropy(int rows, int cols, float[] logits, int lOff, int[] target, int tOff,
                               float[] mask, int mOff, float[] grad, int gOff, float gradScale);

    /** Sum of {@code x[0..n)}, accumulated in double in the order of {@link Sums}. */
    double sum(int n, float[] x, int xOff);

    /** Sum of squares of {@code x[0..n)}, accumulated in double in the order of {@link Sums}. */
    double sumOfSquares(int n, float[] x, int xOff);

    /** {@code out[i, :] = table[ids[i], :]} for {@code i < count}; rows have {@code dim} floats. */
    default void gather(int count, int dim, int[] ids, int idsOff, float[] table, int tableOff, float[] out, int outOff) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(table, tableOff + ids[idsOff + i] * dim, out, outOff + i * dim, dim);
        }
    }

    /** {@code table[ids[i], :] += g[i, :]} for {@code i < count}, in increasing {@code i} (ids may repeat). */
    default void scatterAdd(int count, int dim, int[] ids, int idsOff, float[] g, int gOff, float[] table, int tableOff) {
        for (int i = 0; i < count; i++) {
            int t = tableOff + ids[idsOff + i] * dim;
            add(dim, table, t, g, gOff + i * dim, table, t);
        }
    }

    /**
     * The element-wise part of one LSTM backward time step over {@code rows} consecutive rows, in one pass.
     * Per row, {@code z} holds the gate activations i, f, g, o ({@code 4h} floats) and {@code dz} receives
     * their pre-activation gradients (same layout); {@code tc} = tanh(c), {@code cPrev}, {@code dh} and
     * {@code dc} have {@code h} floats per row. With {@code dc' = dc + dh*o*(1-tc^2)}: {@code dz_o =
     * dh*tc*o(1-o)}, {@code dz_i = dc'*g*i(1-i)}, {@code dz_g = dc'*i*(1-g^2)}, {@code dz_f = dc'*cPrev*f(1-f)};
     * then {@code dc = dc'*f} (gradient for the previous cell state) and {@code dh = 0}.
     */
    void lstmBackwardPointwise(int rows, int h, float[] z, int zOff, float[] tc, int tcOff, float[] cPrev, int cpOff,
                               float[] dh, int dhOff, float[] dc, int dcOff, float[] dz, int dzOff);

    /**
     * Hidden units {@code [from, to)} of {@link #lstmBackwardPointwise}, on this thread: every element computed
     * as there, so a step split by units over threads gives the same bits.
     */
    void lstmBackwardColumns(int rows, int h, int from, int to, float[] z, int zOff, float[] tc, int tcOff, float[] cPrev,
                             int cpOff, float[] dh, int dhOff, float[] dc, int dcOff, float[] dz, int dzOff);
}
