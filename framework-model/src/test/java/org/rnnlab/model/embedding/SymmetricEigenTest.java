package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {
    @Test
    void findsTheEigenpairsOfAMatrixBuiltFromThem() {
        // A = Q diag(lambda) Q^T with Q a product of random reflections (orthogonal), so the answer is known
        int n = 12;
        SplittableRandom random = new SplittableRandom(3);
        double[][] q = identity(n);
        for (int r = 0; r < 4; r++) {
            double[] u = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                u[i] = random.nextGaussian();
                norm += u[i] * u[i];
            }
            double[][] h = identity(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    h[i][j] -= 2 * u[i] * u[j] / norm;
                }
            }
            q = multiply(h, q);
        }
        double[] lambda = {9, 7.5, 4, 3.25, 2, 1, 0.5, 0, -0.25, -1, -3, -8};
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += q[i][k] * lambda[k] * q[j][k];
                }
            }
        }
        SymmetricEigen e = SymmetricEigen.of(a);
        assertThat(e.values()).containsExactly(lambda, within(1e-10));
        for (int k = 0; k < n; k++) {
            // the eigenvector is column k of Q, up to sign
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += e.vectors()[k][i] * q[i][k];
            }
            assertThat(Math.abs(dot)).as("eigenvector %d", k).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void aDiagonalMatrixIsItsOwnAnswerAndSignsAreFixed() {
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{1, 0}, {0, 3}});
        assertThat(e.values()).containsExactly(3, 1);
        assertThat(e.vectors()[0]).containsExactly(0, 1);
        assertThat(e.vectors()[1]).containsExactly(1, 0);
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }
}
