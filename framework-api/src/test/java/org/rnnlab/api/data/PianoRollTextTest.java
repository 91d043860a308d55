package org.rnnlab.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The text form of a {@link PianoRoll}: what the multi-label task's samples are, read back by reports and the CLI. */
class PianoRollTextTest {

    @Test
    void aCadenceReadsAsItsStepsAndItsHeldNotesAsOneNote() {
        PianoRoll roll = PianoRoll.parseText("48.64.67.72 48.65.69.72 - 43.62.67.71", 1);
        assertThat(roll.steps()).isDeepEqualTo(new int[][] {{48, 64, 67, 72}, {48, 65, 69, 72}, {}, {43, 62, 67, 71}});
        // 48 and 72 held over two steps are one note each: 4 + 2 + 4 notes
        assertThat(roll.notes()).hasSize(10).contains(new PianoRoll.Note(48, 0, 2), new PianoRoll.Note(72, 0, 2));
        assertThat(roll.text()).isEqualTo("48.64.67.72 48.65.69.72 - 43.62.67.71");
    }

    @Test
    void everyRollSurvivesItsTextForm() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 200; trial++) {
            int[][] steps = new int[1 + random.nextInt(40)][];
            for (int t = 0; t < steps.length; t++) {
                steps[t] = random.ints(random.nextInt(6), 0, 128).distinct().toArray();
            }
            PianoRoll roll = new PianoRoll(steps, 1 + random.nextInt(4));
            assertThat(PianoRoll.parseText(roll.text(), roll.stepsPerQuarter())).isEqualTo(roll);
        }
    }

    @Test
    void textThatIsNotARollIsRefusedNamingTheWord() {
        assertThatThrownBy(() -> PianoRoll.parseText("60.64 hello -", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("word 2 'hello'");
        assertThatThrownBy(() -> PianoRoll.parseText("60  64", 1)).hasMessageContaining("word 2 ''");
        assertThatThrownBy(() -> PianoRoll.parseText("64.60", 1)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> PianoRoll.parseText("60.128", 1)).hasMessageContaining("0-127");
        assertThatThrownBy(() -> PianoRoll.parseText("", 1)).hasMessageContaining("no steps");
    }
}
