package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

class WordBoundariesDatasetTest {

    @Test
    void preparesTheTextExactlyAsThePyTorchCalibration() throws Exception {
        // Figures from segment_tagging.py's own preparation code run on the shipped file (python3):
        // len(xs), sum of lengths, sum of tags, and SHA-256 over "chars\ttags\n" per line, tags as 0/1.
        List<TextExample> lines = WordBoundariesDataset.examples(
                SourceText.resource(ShakespeareDataset.FILE).text(), 80);
        assertThat(lines).hasSize(32660);
        assertThat(lines.stream().mapToInt(e -> e.text().length()).sum()).isEqualTo(905_067);
        assertThat(lines.stream().mapToLong(e -> e.tags().stream().filter(WordBoundariesDataset.SPACE::equals).count())
                .sum()).isEqualTo(169_872);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (TextExample e : lines) {
            StringBuilder b = new StringBuilder(e.text()).append('\t');
            e.tags().forEach(t -> b.append(t.equals(WordBoundariesDataset.SPACE) ? '1' : '0'));
            sha.update(b.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HexFormat.of().formatHex(sha.digest()))
                .isEqualTo("18c17a18551f9989efe6332387a2697fef3f74fc8f499749ea298a6aca7853e4");
        assertThat(lines.getFirst().text()).isEqualTo("FirstCitizen:");
        assertThat(lines.getFirst().tags()).containsExactly("none", "none", "none", "none", "none", "space", "none",
                "none", "none", "none", "none", "none", "none");
    }

    @Test
    void cutsLongLinesAndDropsShortOnes() {
        List<TextExample> lines = WordBoundariesDataset.examples("a b\n\n  To be,  or\tnot to be \nabcdefghij\n", 6);
        assertThat(lines).extracting(TextExample::text).containsExactly("Tobe,o", "abcdef");
        assertThat(lines.getFirst().tags()).containsExactly("none", "none", "space", "none", "none", "space");
    }

    @Test
    void splitsNinetyTenBySeed() {
        Dataset d = new WordBoundariesDataset().load(Settings.of(Map.of()), 1);
        assertThat(d.kind()).isEqualTo(TaskKind.SEQUENCE_TAGGING);
        assertThat(d.labels()).containsExactly("none", "space");
        assertThat(d.test()).hasSize(3266);
        assertThat(d.validation()).isEmpty();
        assertThat(d.train()).hasSize(32660 - 3266);
        assertThat(new WordBoundariesDataset().load(Settings.of(Map.of()), 1)).isEqualTo(d);
        List<Example> other = new WordBoundariesDataset().load(Settings.of(Map.of()), 2).test();
        assertThat(other).isNotEqualTo(d.test());
        assertThat(Stream.of(d.train(), d.test()).mapToInt(List::size).sum()).isEqualTo(32660);
        Dataset few = new WordBoundariesDataset().load(Settings.of(Map.of("lines", "1000")), 1);
        assertThat(few.train()).hasSize(900);
        assertThat(few.test()).hasSize(100);
    }
}
