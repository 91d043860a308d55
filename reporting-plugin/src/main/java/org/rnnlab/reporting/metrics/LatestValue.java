package org.rnnlab.reporting.metrics;

/** The latest value of a gauge, written by the reporter and read by the registry from any thread. */
final class LatestValue {
    private volatile double value = Double.NaN;

    void set(double value) {
        this.value = value;
    }

    double get() {
        return value;
    }
}
