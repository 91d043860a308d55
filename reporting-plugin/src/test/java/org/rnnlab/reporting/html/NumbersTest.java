package org.rnnlab.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void fourSignificantDigitsPlainInTheUsualRange() {
        assertThat(Numbers.format(0.44921234)).isEqualTo("0.4492");
        assertThat(Numbers.format(2.0)).isEqualTo("2");
        assertThat(Numbers.format(41234.56)).isEqualTo("41230");
        // a whole number below a million is a count: every digit stays
        assertThat(Numbers.format(20728.0)).isEqualTo("20728");
        assertThat(Numbers.format(-41235.0)).isEqualTo("-41235");
        assertThat(Numbers.format(1234567.0)).isEqualTo("1.235e+06");
        assertThat(Numbers.format(0.00123456)).isEqualTo("0.001235");
        assertThat(Numbers.format(0.0009999999)).isEqualTo("0.001");
        assertThat(Numbers.format(-1.5)).isEqualTo("-1.5");
    }

    @Test
    void scientificWhenTinyOrHugeAndWordsForTheSpecialValues() {
        assertThat(Numbers.format(6.514e-5)).isEqualTo("6.514e-05");
        assertThat(Numbers.format(1.2e9)).isEqualTo("1.200e+09");
        assertThat(Numbers.format(0)).isEqualTo("0");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEqualTo("∞");
    }
}
