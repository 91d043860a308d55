package org.rnnlab.testkit;

import java.util.Locale;
import org.rnnlab.engine.Tensor;

/**
 * One case's analytic gradients against finite differences, safe at kinks.
 *
 * <p>Each entry is moved by {@link CellChecks#FD_STEP} both ways; the central difference is compared
 * with the analytic gradient norm-wise per tensor, as before. A cell with relu (or any activation with a
 * kink) can have a pre-activation within one step of 0: there the central difference averages two slopes
 * (the "0.000 against 0.030") while the analytic gradient is the slope on its own side. So when a
 * tensor fails, each entry that disagrees is looked at again: if its forward and backward one-sided
 * differences disagree with each other by more than the tolerance (the loss is visibly not smooth within
 * the step; for a smooth loss they differ by only {@code step * f''}) and the analytic value agrees with
 * one of them, the entry sits at a kink and is judged by that one-sided difference. Only then is the
 * tensor compared again. A wrong gradient is never excused this way: away from a kink both one-sided
 * differences agree with the true derivative, not with a wrong one.
 */
final class GradientComparison {
    private final CellCase c;
    private final boolean fused;
    private final double tolerance;
    private final double base;

    GradientComparison(CellCase c, boolean fused, double tolerance) {
        this.c = c;
        this.fused = fused;
        this.tolerance = tolerance;
        this.base = c.loss(fused);
    }

    /** Throws an {@link AssertionError} naming {@code what} when {@code grad} is not the gradient of {@code value}. */
    void check(String what, Tensor value, Tensor grad) {
        int n = value.size();
        float[] d = value.data();
        double[] central = new double[n];
        double[] forward = new double[n];
        double[] backward = new double[n];
        double[] analytic = new double[n];
        for (int i = 0; i < n; i++) {
            int at = value.offset() + i;
            float original = d[at];
            float up = (float) (original + CellChecks.FD_STEP);
            float down = (float) (original - CellChecks.FD_STEP);
            d[at] = up;
            double lossUp = c.loss(fused);
            d[at] = down;
            double lossDown = c.loss(fused);
            d[at] = original;
            // the actual distances between the float32 values, not the nominal step
            central[i] = (lossUp - lossDown) / ((double) up - down);
            forward[i] = (lossUp - base) / ((double) up - original);
            backward[i] = (base - lossDown) / ((double) original - down);
            analytic[i] = grad.data()[grad.offset() + i];
        }
        double err = Discrepancy.normwise(analytic, central, 1e-6);
        if (err <= tolerance) {
            return;
        }
        double scale = Math.max(rms(central), 1e-6);
        double[] judged = central.clone();
        int kinks = 0;
        for (int i = 0; i < n; i++) {
            double allowed = tolerance * Math.max(Math.abs(central[i]), scale);
            boolean disagrees = Math.abs(analytic[i] - central[i]) > allowed;
            boolean notSmooth = Math.abs(forward[i] - backward[i]) > allowed;
            if (disagrees && notSmooth) {
                double side = Math.abs(analytic[i] - forward[i]) <= Math.abs(analytic[i] - backward[i]) ? forward[i] : backward[i];
                if (Math.abs(analytic[i] - side) <= allowed) {
                    judged[i] = side;
                    kinks++;
                }
            }
        }
        double judgedErr = kinks == 0 ? err : Discrepancy.normwise(analytic, judged, 1e-6);
        if (judgedErr > tolerance) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "[gradients] %s: relative error %.1e of the gradient against finite differences exceeds %.1e%s; worst entry %s",
                    what, judgedErr, tolerance, kinks == 0 ? "" : " (after judging " + kinks + " entries at a kink by one-sided differences)",
                    worst(analytic, judged)));
        }
    }

    private static String worst(double[] analytic, double[] numeric) {
        int w = 0;
        for (int i = 1; i < analytic.length; i++) {
            if (Math.abs(analytic[i] - numeric[i]) > Math.abs(analytic[w] - numeric[w])) {
                w = i;
            }
        }
        return String.format(Locale.ROOT, "%d: analytic %.4g, finite difference %.4g", w, analytic[w], numeric[w]);
    }

    private static double rms(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }
}
