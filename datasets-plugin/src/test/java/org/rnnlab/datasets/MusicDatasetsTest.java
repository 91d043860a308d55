package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.data.MidiWriter;
import org.rnnlab.api.data.PianoRoll;

/** {@code jsb-chorales} and {@code midi} as datasets of 88-key frames for the multi-label task. */
class MusicDatasetsTest {

    @Test
    void jsbChoralesAreExamplesOfEightyEightKeyFramesInTheStandardSplit() {
        Dataset d = new JsbChoralesDataset().load(Settings.of(Map.of()), 1);
        assertThat(d.kind()).isEqualTo(TaskKind.MULTI_LABEL_SEQUENCE);
        assertThat(List.of(d.train().size(), d.validation().size(), d.test().size())).containsExactly(229, 76, 77);
        VectorExample first = (VectorExample) d.test().getFirst();
        assertThat(first.features()).isEqualTo(88);
        assertThat(first.target()).isEmpty();
        assertThat(first.steps()[0][72 - 21]).isEqualTo(1f);
        // the split is the file's: every seed gives the same dataset
        assertThat(new JsbChoralesDataset().load(Settings.of(Map.of()), 7)).isEqualTo(d);
    }

    @Test
    void aMidiFolderBecomesRollsSplitBySeedAndABadFileRefusesIt(@TempDir Path dir) {
        List<PianoRoll> rolls = JsbChorales.load().test();
        MidiWriter writer = new MidiWriter(90);
        for (int i = 0; i < 10; i++) {
            writer.write(rolls.get(i), "chorale " + i, dir.resolve(String.format("c%02d.mid", i)));
        }
        Settings options = Settings.of(Map.of("path", dir.toString(), "validation", "0.2", "test", "0.1"));
        Dataset d = new MidiDataset().load(options, 3);
        assertThat(d.kind()).isEqualTo(TaskKind.MULTI_LABEL_SEQUENCE);
        assertThat(List.of(d.train().size(), d.validation().size(), d.test().size())).containsExactly(7, 2, 1);
        assertThat(d.provenance()).containsEntry("files", "10").containsKey("sha256.c00.mid");
        assertThat(new MidiDataset().load(options, 3)).isEqualTo(d);
        Dataset eighths = new MidiDataset().load(Settings.of(Map.of("path", dir.resolve("c00.mid").toString(),
                "steps_per_quarter", "2", "validation", "0", "test", "0")), 1);
        assertThat(((VectorExample) eighths.train().getFirst()).length()).isEqualTo(2 * rolls.getFirst().length());
    }

    @Test
    void aMalformedMidiCorpusIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        new MidiWriter(90).write(JsbChorales.load().test().getFirst(), "good", dir.resolve("good.mid"));
        Files.writeString(dir.resolve("broken.mid"), "MThd but not really a MIDI file");
        assertThatThrownBy(() -> new MidiDataset().load(Settings.of(Map.of("path", dir.toString())), 1))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("broken.mid");
        assertThatThrownBy(() -> new MidiDataset().load(Settings.of(Map.of()), 1)).hasMessageContaining("dataset.path");
    }
}
