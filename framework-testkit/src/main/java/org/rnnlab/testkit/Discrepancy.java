package org.rnnlab.testkit;

import org.rnnlab.engine.Tensor;

/** How far apart two tensors are, in the two measures the checks use. */
final class Discrepancy {
    private Discrepancy() {}

    /** {@code max_i |a_i - b_i| / max(|b_i|, floor)}: every element close, small ones absolutely. */
    static double elementwise(Tensor actual, Tensor expected, double floor) {
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            double a = actual.data()[actual.offset() + i];
            double e = expected.data()[expected.offset() + i];
            double err = Double.isFinite(a) && Double.isFinite(e)
                    ? Math.abs(a - e) / Math.max(Math.abs(e), floor) : Double.POSITIVE_INFINITY;
            worst = Math.max(worst, err);
        }
        return worst;
    }

    /** {@code ||a - b|| / max(||b||, floor)}: the tensor as a whole, so one noisy element does not dominate. */
    static double normwise(double[] actual, double[] expected, double floor) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = actual[i] - expected[i];
            diff += d * d;
            norm += expected[i] * expected[i];
        }
        double r = Math.sqrt(diff) / Math.max(Math.sqrt(norm), floor);
        return Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
    }
}
