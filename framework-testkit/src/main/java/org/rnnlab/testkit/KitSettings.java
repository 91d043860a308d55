package org.rnnlab.testkit;

import java.util.Locale;

/**
 * How hard {@link CellCompatibilityKit} checks gradients: how many random cases, from which seed, and the
 * relative error allowed against finite differences. A kit subclass overrides
 * {@link CellCompatibilityKit#settings()}, or a build sets the system properties (Maven:
 * {@code -Drnnlab.kit.cases=10}, or surefire's {@code systemPropertyVariables}):
 * <table>
 *   <caption>settings and their system properties</caption>
 *   <tr><th>setting</th><th>system property</th><th>default</th></tr>
 *   <tr><td>{@link #cases}</td><td>{@value #CASES_PROPERTY}</td><td>{@value #DEFAULT_CASES}</td></tr>
 *   <tr><td>{@link #seed}</td><td>{@value #SEED_PROPERTY}</td><td>{@value #DEFAULT_SEED}</td></tr>
 *   <tr><td>{@link #tolerance}</td><td>{@value #TOLERANCE_PROPERTY}</td><td>{@value #DEFAULT_TOLERANCE}</td></tr>
 * </table>
 *
 * @param cases     random cases of the gradient check, case {@code k} drawn from {@code seed + k}
 * @param seed      the first case's seed; a failure names the seed of the case that failed
 * @param tolerance the norm-wise relative error of a tensor's gradient against finite differences that
 *                  fails the check ({@link CellChecks#FD_TOLERANCE} explains the default)
 */
public record KitSettings(int cases, long seed, double tolerance) {
    public static final String CASES_PROPERTY = "rnnlab.kit.cases";
    public static final String SEED_PROPERTY = "rnnlab.kit.seed";
    public static final String TOLERANCE_PROPERTY = "rnnlab.kit.tolerance";
    public static final int DEFAULT_CASES = 3;
    public static final long DEFAULT_SEED = 20_160_521L;
    public static final double DEFAULT_TOLERANCE = CellChecks.FD_TOLERANCE;

    public KitSettings {
        if (cases < 1) {
            throw new IllegalArgumentException("kit settings: cases must be at least 1 but is " + cases);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("kit settings: tolerance must be a positive number but is " + tolerance);
        }
    }

    /** The defaults. */
    public static KitSettings defaults() {
        return new KitSettings(DEFAULT_CASES, DEFAULT_SEED, DEFAULT_TOLERANCE);
    }

    /** The defaults, each replaced by its system property where one is set. */
    public static KitSettings fromSystemProperties() {
        String cases = property(CASES_PROPERTY);
        String seed = property(SEED_PROPERTY);
        String tolerance = property(TOLERANCE_PROPERTY);
        try {
            return new KitSettings(cases == null ? DEFAULT_CASES : Integer.parseInt(cases),
                    seed == null ? DEFAULT_SEED : Long.parseLong(seed),
                    tolerance == null ? DEFAULT_TOLERANCE : Double.parseDouble(tolerance));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kit settings: " + CASES_PROPERTY + "=" + cases + ", " + SEED_PROPERTY + "="
                    + seed + ", " + TOLERANCE_PROPERTY + "=" + tolerance + ": " + e.getMessage()
                    + " (cases and seed are whole numbers, tolerance a number)");
        }
    }

    public KitSettings withCases(int n) {
        return new KitSettings(n, seed, tolerance);
    }

    public KitSettings withSeed(long s) {
        return new KitSettings(cases, s, tolerance);
    }

    public KitSettings withTolerance(double t) {
        return new KitSettings(cases, seed, t);
    }

    private static String property(String name) {
        String text = System.getProperty(name);
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d cases from seed %d, tolerance %.1e", cases, seed, tolerance);
    }
}
