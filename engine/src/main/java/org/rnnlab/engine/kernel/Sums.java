package org.rnnlab.engine.kernel;

/**
 * The reductions of both kernel sets, in one fixed order: four double partial sums over the indices
 * modulo 4, added as {@code (s0 + s1) + (s2 + s3)}, then the last {@code n mod 4} elements. The order
 * depends on nothing but {@code n}, so the result is the same whatever the vector width or the number of
 * threads; doubles keep squares of small gradients (1e-22 squared is below the float range) and long
 * sums exact enough that the order hardly matters. Four chains let the adds overlap.
 */
final class Sums {
    private Sums() {}

    static double sum(int n, float[] x, int off) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[off + i];
            s1 += x[off + i + 1];
            s2 += x[off + i + 2];
            s3 += x[off + i + 3];
        }
        double s = (s0 + s1) + (s2 + s3);
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    static double sumOfSquares(int n, float[] x, int off) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double v0 = x[off + i];
            double v1 = x[off + i + 1];
            double v2 = x[off + i + 2];
            double v3 = x[off + i + 3];
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        double s = (s0 + s1) + (s2 + s3);
        for (; i < n; i++) {
            double v = x[off + i];
            s += v * v;
        }
        return s;
    }
}
