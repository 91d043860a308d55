package org.rnnlab.model.embedding;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method (Golub and Van
 * Loan, Matrix Computations, section 8.5): plane rotations annihilate the off-diagonal elements one by one,
 * sweep after sweep, until their sum of squares is below {@code 1e-22} of the matrix's. Exact to rounding for
 * the small matrices a map needs (a few hundred rows); O(n^3) per sweep and a handful of sweeps.
 *
 * @param values  the eigenvalues, largest first
 * @param vectors {@code vectors[k]} the unit eigenvector of {@code values[k]}, its largest component positive
 */
public record SymmetricEigen(double[] values, double[][] vectors) {
    private static final int MAX_SWEEPS = 100;

    /** The decomposition of {@code matrix} (square and symmetric; not changed). */
    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + matrix[i].length + " columns, not " + n);
            }
            a[i] = matrix[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double total = 0;
        for (double[] row : a) {
            for (double x : row) {
                total += x * x;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-22 * total || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] diagonal = a;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -diagonal[i][i]).thenComparingInt(i -> i));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            int c = order[k];
            values[k] = a[c][c];
            int largest = 0;
            for (int i = 0; i < n; i++) {
                vectors[k][i] = v[i][c];
                if (Math.abs(v[i][c]) > Math.abs(v[largest][c])) {
                    largest = i;
                }
            }
            if (v[largest][c] < 0) {
                for (int i = 0; i < n; i++) {
                    vectors[k][i] = -vectors[k][i];
                }
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** One Jacobi rotation in the (p, q) plane that makes a[p][q] zero; v accumulates the rotations. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double apq = a[p][q];
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
