package org.rnnlab.model.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlaneProjectionTest {
    @Test
    void principalComponentsRecoverKnownAxesAndCoordinates() {
        // points = mean + a u1 + b u2 with u1, u2 orthonormal in 5-D; a and b uncorrelated with mean 0 and
        // var(a) = 5 > var(b) = 1, so the first axis is u1, the second u2, and the coordinates are (a, b) up to sign
        double s = 1 / Math.sqrt(2);
        double[] u1 = {s, s, 0, 0, 0};
        double[] u2 = {0, 0, 0.6, 0.8, 0};
        double[] mean = {1, -2, 3, 0.5, 7};
        double[] as = {-3, -1, 1, 3};
        double[] bs = {-1, 1};
        double[][] points = new double[as.length * bs.length][5];
        double[][] expected = new double[points.length][];
        int i = 0;
        for (double a : as) {
            for (double b : bs) {
                for (int j = 0; j < 5; j++) {
                    points[i][j] = mean[j] + a * u1[j] + b * u2[j];
                }
                expected[i++] = new double[] {a, b};
            }
        }
        double[][] plane = PlaneProjection.principalComponents(points);
        for (int axis = 0; axis < 2; axis++) {
            double sign = Math.signum(plane[0][axis] * expected[0][axis]);
            for (int p = 0; p < points.length; p++) {
                assertThat(plane[p][axis]).as("point %d axis %d", p, axis).isCloseTo(sign * expected[p][axis], within(1e-9));
            }
        }
    }

    @Test
    void cosineScalingPlacesEquallyDistantDirectionsOnAnEquilateralTriangle() {
        // three orthogonal directions: every cosine distance is 1, whatever the lengths, and an equilateral
        // triangle of side 1 is the plane configuration that classical scaling must return
        double[][] points = {{2, 0, 0}, {0, 0.5, 0}, {0, 0, 3}};
        double[][] plane = PlaneProjection.cosineScaling(points);
        for (int p = 0; p < 3; p++) {
            for (int q = p + 1; q < 3; q++) {
                assertThat(Math.hypot(plane[p][0] - plane[q][0], plane[p][1] - plane[q][1])).isCloseTo(1, within(1e-9));
            }
        }
    }

    @Test
    void cosineScalingPutsVectorsOfOneDirectionOnOnePoint() {
        double[][] points = {{1, 0.1, 0}, {5, 0.5, 0}, {0, 1, 0.1}, {0, 0.2, 0.02}, {0.1, 0, 1}};
        double[][] plane = PlaneProjection.cosineScaling(points);
        assertThat(plane[1][0]).isCloseTo(plane[0][0], within(1e-9));
        assertThat(plane[1][1]).isCloseTo(plane[0][1], within(1e-9));
        assertThat(plane[3][0]).isCloseTo(plane[2][0], within(1e-9));
        assertThat(Math.hypot(plane[0][0] - plane[2][0], plane[0][1] - plane[2][1])).isGreaterThan(0.5);
    }

    @Test
    void theSameInputGivesTheSameBits() {
        double[][] points = {{1, 2, 3}, {-1, 0.5, 2}, {0, 0, 1}, {4, -2, 0}};
        assertThat(PlaneProjection.principalComponents(points)).isDeepEqualTo(PlaneProjection.principalComponents(points));
        assertThat(PlaneProjection.cosineScaling(points)).isDeepEqualTo(PlaneProjection.cosineScaling(points));
    }
}
