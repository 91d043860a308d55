package org.rnnlab.model.cell;

import org.rnnlab.engine.Tensor;

/**
 * The row order that reverses every sequence of a time-major batch over its own real steps: for
 * sequence {@code b} with real steps {@code t_1 < ... < t_n}, reversed step {@code j < n} is original
 * step {@code t_(n-j)}, and the padded steps follow in their order. Without padding it is plain time
 * reversal.
 *
 * @param permutation row {@code r} of the reversed batch is row {@code permutation[r]} of the original
 * @param inverse row {@code r} of the original is row {@code inverse[r]} of the reversed batch
 * @param reversedMask the mask of the reversed batch (real steps first), or null when there is no padding
 * @param padded whether any row is padding
 */
record ReversedRows(int[] permutation, int[] inverse, Tensor reversedMask, boolean padded) {

    static ReversedRows of(int steps, int batch, Tensor mask) {
        int rows = steps * batch;
        int[] perm = new int[rows];
        boolean padded = false;
        Tensor reversedMask = mask == null ? null : Tensor.zeros(rows);
        int[] live = new int[steps];
        for (int b = 0; b < batch; b++) {
            int n = 0;
            for (int t = 0; t < steps; t++) {
                if (isLive(mask, t * batch + b)) {
                    live[n++] = t;
                }
            }
            for (int j = 0; j < n; j++) {
                perm[j * batch + b] = live[n - 1 - j] * batch + b;
                if (reversedMask != null) {
                    reversedMask.data()[j * batch + b] = 1f;
                }
            }
            int j = n;
            for (int t = 0; t < steps; t++) {
                if (!isLive(mask, t * batch + b)) {
                    perm[j++ * batch + b] = t * batch + b;
                    padded = true;
                }
            }
        }
        int[] inverse = new int[rows];
        for (int r = 0; r < rows; r++) {
            inverse[perm[r]] = r;
        }
        return new ReversedRows(perm, inverse, padded ? reversedMask : null, padded);
    }

    private static boolean isLive(Tensor mask, int row) {
        return mask == null || mask.data()[mask.offset() + row] != 0f;
    }
}
