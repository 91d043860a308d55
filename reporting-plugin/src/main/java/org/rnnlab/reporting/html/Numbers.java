package org.rnnlab.reporting.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers appear on a page: four significant digits, scientific only when very large or small; whole
 * numbers below a million in full, so a count (parameters) loses no digits.
 */
public final class Numbers {
    private Numbers() {}

    public static final int SIGNIFICANT_DIGITS = 4;

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e6) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
        // the range is judged after rounding: 0.000999999 shows as 0.001, not 1.000e-03
        double abs = Math.abs(rounded.doubleValue());
        if (abs >= 1e-3 && abs < 1e6) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        return String.format(java.util.Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", value);
    }
}
