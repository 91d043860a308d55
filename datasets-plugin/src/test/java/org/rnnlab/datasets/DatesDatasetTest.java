package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.experiment.Settings;

class DatesDatasetTest {
    private static Dataset load(Map<String, String> options, long seed) {
        return new DatesDataset().load(Settings.of(options), seed);
    }

    @Test
    void theTwelveFormatsAreThoseOfThePyTorchCalibration() {
        // 9 May 1978 was a Tuesday; expected texts written out by hand from dates_seq2seq.py's f-strings
        LocalDate d = LocalDate.of(1978, 5, 9);
        assertThat(IntStream.range(0, DatesDataset.FORMATS).mapToObj(f -> DatesDataset.human(d, f)).toList())
                .containsExactly("9 may 1978", "9 may 1978", "may 9, 1978", "may 9 1978", "tuesday 9 may 1978",
                        "tuesday, may 9, 1978", "09/05/1978", "9/5/78", "9.5.1978", "1978/5/9", "tue may 9 1978",
                        "the 9 of may 1978");
        LocalDate e = LocalDate.of(2003, 11, 23);
        assertThat(DatesDataset.human(e, 1)).isEqualTo("23 nov 2003");
        assertThat(DatesDataset.human(e, 7)).isEqualTo("23/11/03");
        assertThat(DatesDataset.human(e, 10)).isEqualTo("sun nov 23 2003");
    }

    @Test
    void defaultSizesAndEveryTargetIsTheIsoFormOfTheSource() {
        Dataset d = load(Map.of(), 1);
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_TO_SEQUENCE);
        assertThat(d.train()).hasSize(10_000);
        assertThat(d.validation()).hasSize(1_000);
        assertThat(d.test()).hasSize(1_000);
        Set<Integer> formats = new HashSet<>();
        int upper = 0;
        int withLetters = 0;
        for (Example x : d.train()) {
            PairExample p = (PairExample) x;
            LocalDate date = LocalDate.parse(p.target());
            assertThat(date).isBetween(LocalDate.of(1950, 1, 1), LocalDate.of(1950, 1, 1).plusDays(365 * 80 - 1));
            int format = IntStream.range(0, DatesDataset.FORMATS)
                    .filter(f -> DatesDataset.human(date, f).equalsIgnoreCase(p.source())).findFirst().orElse(-1);
            assertThat(format).as("%s is one of the formats of %s", p.source(), p.target()).isNotNegative();
            formats.add(format);
            if (!p.source().matches("[0-9/.]+")) {
                withLetters++;
                upper += p.source().equals(p.source().toUpperCase()) ? 1 : 0;
            }
        }
        assertThat(formats).hasSize(DatesDataset.FORMATS);
        // one in ten upper-cased (visible only in the 8 formats with letters): 0.1 +- 4 sigma of ~6,700 draws
        assertThat((double) upper / withLetters).isBetween(0.085, 0.115);
    }

    @Test
    void theSeedFixesTheDataAndEachSplitHasItsOwnStream() {
        Map<String, String> small = Map.of("count", "50", "validation", "5", "test", "5");
        assertThat(load(small, 9)).isEqualTo(load(small, 9));
        assertThat(load(small, 9).train()).isNotEqualTo(load(small, 10).train());
        Map<String, String> moreTrain = Map.of("count", "80", "validation", "5", "test", "5");
        assertThat(load(moreTrain, 9).test()).isEqualTo(load(small, 9).test());
        List<Example> first = load(moreTrain, 9).train().subList(0, 50);
        assertThat(first).isEqualTo(load(small, 9).train());
    }
}
