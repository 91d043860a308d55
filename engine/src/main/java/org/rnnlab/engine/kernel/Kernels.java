package org.rnnlab.engine.kernel;

/**
 * The float32 kernels every tensor operation runs on. Two implementations exist: {@link ScalarKernels},
 * the plain-loop reference, and {@link VectorKernels}, on the Vector API; {@link #get()} picks one at
 * start-up ({@code -Drnnlab.kernels=scalar|vector} forces it). Both give the same results up to
 * float rounding, which tests check.
 *
 * <p>Matrices are row-major regions of arrays: {@code (array, offset, leading dimension)}. The GEMM
 * forms either overwrite {@code C} or add to it ({@code accumulate}). No method allocates once warm
 * (the vector GEMM grows per-thread packing buffers to the largest shape seen). Implementations are
 * thread-safe.
 *
 * <p>Results are reproducible: the same inputs give the same bits on every call, interpreted or
 * compiled, so a run can be repeated bit for bit on the same machine and vector width (the
 * implementations avoid operations whose rounding depends on JIT state, such as the Vector API's
 * {@code EXP}/{@code TANH} and {@code reduceLanes(ADD)}).
 */
public interface Kernels {

    /** The kernels chosen for this JVM (see class comment). */
    static Kernels get() {
        return KernelSelection.SELECTED;
    }

    /** {@code "scalar"} or {@code "vector"}. */
    String name();

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

    /** Sum of {@code x[0..n)}, accumulated in double. */
    double sum(int n, float[] x, int xOff);

    /** Sum of squares of {@code x[0..n)}, accumulated in double. */
    double sumOfSquares(int n, float[] x, int xOff);

    /** {@code out[i, :] = table[ids[i], :]} for {@code i < count}; rows have {@code dim} floats. */
    void gather(int count, int dim, int[] ids, int idsOff, float[] table, int tableOff, float[] out, int outOff);

    /** {@code table[ids[i], :] += g[i, :]} for {@code i < count}. */
    void scatterAdd(int count, int dim, int[] ids, int idsOff, float[] g, int gOff, float[] table, int tableOff);

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
}
