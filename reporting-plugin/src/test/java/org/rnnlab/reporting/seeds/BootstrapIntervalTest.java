package org.rnnlab.reporting.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapIntervalTest {

    @Test
    void aLargeNormalSampleGivesTheNormalTheoryInterval() {
        // two samples of 400 from N(1, 1) and N(0, 1): for large n the bootstrap interval of the difference
        // of means approaches d ± 1.96 sqrt(s_a²/n + s_b²/n) (plug-in variances, as the bootstrap resamples them)
        Random random = new Random(11);
        double[] a = new double[400];
        double[] b = new double[400];
        for (int i = 0; i < 400; i++) {
            a[i] = 1 + random.nextGaussian();
            b[i] = random.nextGaussian();
        }
        double d = mean(a) - mean(b);
        double se = Math.sqrt(plugInVariance(a) / a.length + plugInVariance(b) / b.length);

        BootstrapInterval i = BootstrapInterval.differenceOfMeans(a, b).orElseThrow();

        assertThat(i.difference()).isEqualTo(d);
        // tolerance 0.01: the Monte Carlo error of a 2.5% quantile from 10,000 replicates is
        // sqrt(0.025 * 0.975 / 10,000) / φ(1.96) * se ≈ 0.0019 here, so 0.01 is about five of them
        assertThat(i.low()).isCloseTo(d - 1.959964 * se, within(0.01));
        assertThat(i.high()).isCloseTo(d + 1.959964 * se, within(0.01));
        assertThat(i.holdsZero()).isFalse();
    }

    @Test
    void aTwoValueGroupAgainstAConstantOneHasItsExactPercentiles() {
        // mean of two draws from {0, 1} is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4: the 2.5th percentile
        // is 0 and the 97.5th is 1 (each tail holds about 2,500 of 10,000 replicates)
        BootstrapInterval i = BootstrapInterval.differenceOfMeans(new double[] {0, 1}, new double[] {0, 0}).orElseThrow();

        assertThat(i.difference()).isEqualTo(0.5);
        assertThat(i.low()).isEqualTo(0.0);
        assertThat(i.high()).isEqualTo(1.0);
        assertThat(i.holdsZero()).isTrue();
    }

    @Test
    void oneSeedInEitherGroupGivesNoInterval() {
        assertThat(BootstrapInterval.differenceOfMeans(new double[] {0.8}, new double[] {0.7, 0.71})).isEmpty();
        assertThat(BootstrapInterval.differenceOfMeans(new double[] {0.8, 0.81}, new double[] {0.7})).isEmpty();
        assertThat(BootstrapInterval.differenceOfMeans(new double[] {}, new double[] {})).isEmpty();
    }

    @Test
    void valuesThatDoNotVaryGiveTheDifferenceItselfAndZeroWhenTheyAgree() {
        BootstrapInterval apart = BootstrapInterval.differenceOfMeans(new double[] {1, 1, 1}, new double[] {0.5, 0.5, 0.5}).orElseThrow();
        assertThat(apart.low()).isEqualTo(0.5);
        assertThat(apart.high()).isEqualTo(0.5);
        assertThat(apart.holdsZero()).isFalse();

        BootstrapInterval same = BootstrapInterval.differenceOfMeans(new double[] {0.8, 0.8}, new double[] {0.8, 0.8}).orElseThrow();
        assertThat(same.low()).isZero();
        assertThat(same.high()).isZero();
        assertThat(same.holdsZero()).isTrue();
    }

    @Test
    void theSameValuesGiveTheSameIntervalBitForBitAndAnotherSeedAnother() {
        double[] a = {0.81, 0.82, 0.83};
        double[] b = {0.80, 0.81, 0.835};
        BootstrapInterval first = BootstrapInterval.differenceOfMeans(a, b).orElseThrow();
        BootstrapInterval again = BootstrapInterval.differenceOfMeans(a.clone(), b.clone()).orElseThrow();
        assertThat(Double.doubleToRawLongBits(again.low())).isEqualTo(Double.doubleToRawLongBits(first.low()));
        assertThat(Double.doubleToRawLongBits(again.high())).isEqualTo(Double.doubleToRawLongBits(first.high()));

        BootstrapInterval other = BootstrapInterval.differenceOfMeans(a, b, BootstrapInterval.RESAMPLES, 7).orElseThrow();
        assertThat(new double[] {other.low(), other.high()}).isNotEqualTo(new double[] {first.low(), first.high()});
    }

    @Test
    void aNonFiniteValueIsRefusedNamingIt() {
        assertThatThrownBy(() -> BootstrapInterval.differenceOfMeans(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    @Test
    void quantilesInterpolateBetweenOrderStatisticsAsNumpyDoes() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) = [1.075, 3.925]
        assertThat(BootstrapInterval.quantile(new double[] {1, 2, 3, 4}, 0.025)).isCloseTo(1.075, within(1e-12));
        assertThat(BootstrapInterval.quantile(new double[] {1, 2, 3, 4}, 0.975)).isCloseTo(3.925, within(1e-12));
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double plugInVariance(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return s / xs.length;
    }
}
