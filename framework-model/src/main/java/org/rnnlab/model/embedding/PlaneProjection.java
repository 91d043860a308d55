package org.rnnlab.model.embedding;

/**
 * Two ways of laying high-dimensional points in the plane for a map of words.
 *
 * <p>{@link #principalComponents}: the points, centred, projected on the two directions of largest variance
 * (the top eigenvectors of their covariance, {@link SymmetricEigen}); distances in the plane are Euclidean
 * distances of the vectors seen from the best angle, so long vectors (often frequent words) spread out.
 *
 * <p>{@link #cosineScaling}: classical multidimensional scaling (Torgerson 1952) of the cosine distances
 * {@code 1 - cos(u, v)}: the double-centred matrix {@code B = -1/2 J D^2 J} and its two largest eigenpairs,
 * coordinates {@code sqrt(lambda) * eigenvector}. It looks at angles only, as nearest neighbours by cosine
 * do, so words close in the list of neighbours are close on this map whatever their vector's length.
 *
 * <p>Both are deterministic; an axis' sign is fixed by {@link SymmetricEigen}. Each returns {@code [n][2]}.
 */
public final class PlaneProjection {
    private PlaneProjection() {}

    /** The points {@code [n][d]} on their first two principal axes; axes of zero variance give 0. */
    public static double[][] principalComponents(double[][] points) {
        int n = points.length;
        int d = n == 0 ? 0 : points[0].length;
        double[] mean = new double[d];
        for (double[] p : points) {
            for (int j = 0; j < d; j++) {
                mean[j] += p[j] / n;
            }
        }
        double[][] covariance = new double[d][d];
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                double ci = p[i] - mean[i];
                for (int j = i; j < d; j++) {
                    covariance[i][j] += ci * (p[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                covariance[i][j] /= Math.max(1, n - 1);
                covariance[j][i] = covariance[i][j];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(covariance);
        double[][] out = new double[n][2];
        for (int axis = 0; axis < Math.min(2, d); axis++) {
            double[] direction = eigen.vectors()[axis];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (points[i][j] - mean[j]) * direction[j];
                }
                out[i][axis] = s;
            }
        }
        return out;
    }

    /** Classical scaling of the cosine distances between the points {@code [n][d]}; a zero vector is at distance 1 from all. */
    public static double[][] cosineScaling(double[][] points) {
        int n = points.length;
        double[][] unit = new double[n][];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (double x : points[i]) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            unit[i] = new double[points[i].length];
            for (int j = 0; j < unit[i].length; j++) {
                unit[i][j] = norm == 0 ? 0 : points[i][j] / norm;
            }
        }
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double dot = 0;
                for (int j = 0; j < unit[i].length; j++) {
                    dot += unit[i][j] * unit[k][j];
                }
                double distance = i == k ? 0 : 1 - dot;
                b[i][k] = -0.5 * distance * distance;
                b[k][i] = b[i][k];
            }
        }
        // double centring: B = J (-D^2 / 2) J
        double[] rowMean = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                rowMean[i] += b[i][k] / n;
            }
            all += rowMean[i] / n;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                b[i][k] = b[i][k] - rowMean[i] - rowMean[k] + all;
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(b);
        double[][] out = new double[n][2];
        for (int axis = 0; axis < Math.min(2, n); axis++) {
            // a non-Euclidean distance can leave negative eigenvalues: they carry no plane direction
            double scale = Math.sqrt(Math.max(0, eigen.values()[axis]));
            for (int i = 0; i < n; i++) {
                out[i][axis] = scale * eigen.vectors()[axis][i];
            }
        }
        return out;
    }
}
