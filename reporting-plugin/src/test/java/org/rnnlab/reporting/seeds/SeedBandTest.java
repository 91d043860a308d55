package org.rnnlab.reporting.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rnnlab.reporting.model.EpochRecord;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.model.VariantStatus;

class SeedBandTest {
    private static VariantRecord run(String name, double... losses) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            epochs.add(new EpochRecord(i + 1, Map.of("val.loss", losses[i]), Map.of()));
        }
        return new VariantRecord(name, Map.of(), 1, 3, VariantStatus.COMPLETED, epochs, List.of(), List.of(), List.of(),
                Map.of(), Map.of(), 1, "", -1, -1);
    }

    @Test
    void meanLowestAndHighestSeedAtEveryEpochOverTheRunsThatReachedIt() {
        SeedBand band = SeedBand.of(List.of(run("a", 2.0, 1.0, 0.5), run("b", 2.6, 1.3, 0.8), run("c", 2.3, 1.6)),
                e -> Optional.ofNullable(e.metrics().get("val.loss")));

        assertThat(band.points()).hasSize(3);
        SeedBand.Point first = band.points().get(0);
        assertThat(first.mean()).isCloseTo(2.3, within(1e-12));
        assertThat(first.low()).isEqualTo(2.0);
        assertThat(first.high()).isEqualTo(2.6);
        assertThat(first.runs()).isEqualTo(3);
        // c stopped after epoch 2: epoch 3 is the mean of a and b alone
        SeedBand.Point third = band.points().get(2);
        assertThat(third.mean()).isCloseTo(0.65, within(1e-12));
        assertThat(third.runs()).isEqualTo(2);
        assertThat(band.asSeries().get(1)).containsExactly(2, (1.0 + 1.3 + 1.6) / 3, 1.0, 1.6);
    }

    @Test
    void oneSeedIsItsOwnMeanWithABandOfNoWidthAndNonFiniteValuesAreLeftOut() {
        SeedBand band = SeedBand.of(List.of(run("a", 1.5, Double.NaN)), e -> Optional.ofNullable(e.metrics().get("val.loss")));

        assertThat(band.points()).containsExactly(new SeedBand.Point(1, 1.5, 1.5, 1.5, 1));
    }
}
