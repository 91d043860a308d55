package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.PianoRoll;

class JsbChoralesTest {

    @Test
    void theStandardSplitOf382ChoralesAtQuarterNoteSteps() {
        PianoRollSplits s = JsbChorales.load();
        // Boulanger-Lewandowski et al. 2012: 229 / 76 / 77 chorales; the file's own step counts
        assertThat(s.train()).hasSize(229);
        assertThat(s.validation()).hasSize(76);
        assertThat(s.test()).hasSize(77);
        assertThat(PianoRollSplits.steps(s.train())).isEqualTo(13_807);
        assertThat(PianoRollSplits.steps(s.validation())).isEqualTo(4_602);
        assertThat(PianoRollSplits.steps(s.test())).isEqualTo(4_725);
        List<PianoRoll> all = Stream.of(s.train(), s.validation(), s.test()).flatMap(List::stream).toList();
        assertThat(all).allMatch(r -> r.stepsPerQuarter() == 1).allMatch(PianoRoll::fitsPiano);
        int[] notes = all.stream().flatMap(r -> Stream.of(r.steps())).flatMapToInt(java.util.Arrays::stream).toArray();
        assertThat(java.util.Arrays.stream(notes).min().getAsInt()).isEqualTo(43);
        assertThat(java.util.Arrays.stream(notes).max().getAsInt()).isEqualTo(96);
        // rests are kept as empty steps, not dropped
        assertThat(all.stream().flatMap(r -> Stream.of(r.steps())).filter(step -> step.length == 0).count()).isEqualTo(64);
        assertThat(s.test().getFirst().notesAt(0)).containsExactly(72, 76, 79, 84);
        assertThat(s.provenance()).containsEntry("sha256.jsb-chorales-quarter.json",
                "2db9329f1881a1d3f49703ec556bf1d6f84b4f6c1d702c156536e93cf31e1c91").containsEntry("train.size", "229");
        assertThat(JsbChorales.load()).isEqualTo(s);
    }

    @Test
    void framesAreAnEightyEightKeyPianoRoll() {
        PianoRoll first = JsbChorales.load().test().getFirst();
        float[][] frames = first.frames();
        assertThat(frames).hasNumberOfRows(first.length());
        assertThat(frames[0]).hasSize(88);
        // MIDI 72 is key 51 of the piano (A0 = MIDI 21 is key 0)
        assertThat(frames[0][72 - 21]).isEqualTo(1f);
        assertThat(frames[0][71 - 21]).isZero();
        float sum = 0;
        for (float v : frames[0]) {
            sum += v;
        }
        assertThat(sum).isEqualTo(4f);
        assertThat(PianoRoll.ofFrames(frames, 1)).isEqualTo(first);
    }

    @Test
    void aMalformedFileIsRefusedNamingTheChoraleAndStep() {
        assertThatThrownBy(() -> parse("{\"train\": [[[60, 64], [61, \"x\"]]], \"valid\": [], \"test\": []}"))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("bad.json, train chorale 0, step 1");
        assertThatThrownBy(() -> parse("{\"train\": [[[60, 130]]], \"valid\": [], \"test\": []}"))
                .hasMessageContaining("130 is not a piano key");
        assertThatThrownBy(() -> parse("{\"train\": [[[60]]], \"test\": []}")).hasMessageContaining("no list 'valid'");
        assertThatThrownBy(() -> parse("{\"train\": [[[60]]")).hasMessageContaining("bad.json is not valid JSON");
    }

    private static PianoRollSplits parse(String json) {
        return JsbChorales.parse(SourceText.decode("bad.json", json.getBytes(StandardCharsets.UTF_8)));
    }
}
