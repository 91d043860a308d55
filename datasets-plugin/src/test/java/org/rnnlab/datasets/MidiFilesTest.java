package org.rnnlab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.MidiWriter;
import org.rnnlab.api.data.PianoRoll;

/** {@link MidiWriter} and {@link MidiQuantizer}: round trips, quantisation, and refused files. */
class MidiFilesTest {
    private static final MidiWriter WRITER = new MidiWriter(90);

    @Test
    void everyChoraleWrittenByRnnlabReadsBackAsTheSameRoll() {
        PianoRollSplits jsb = JsbChorales.load();
        MidiQuantizer quarters = new MidiQuantizer(1);
        for (PianoRoll roll : jsb.test()) {
            assertThat(quarters.read("chorale.mid", WRITER.bytes(roll, "chorale"))).isEqualTo(roll);
        }
        // rests at the start and the end survive; a finer grid too
        PianoRoll rests = new PianoRoll(new int[][] {{}, {60, 64}, {60}, {}, {}}, 4);
        assertThat(new MidiQuantizer(4).read("rests.mid", WRITER.bytes(rests, "rests"))).isEqualTo(rests);
    }

    @Test
    void javaSoundReadsTheWrittenNotesAtTheirTicks() throws Exception {
        PianoRoll roll = JsbChorales.load().train().getFirst();
        Sequence s = MidiSystem.getSequence(new ByteArrayInputStream(WRITER.bytes(roll, "first")));
        assertThat(s.getDivisionType()).isEqualTo(Sequence.PPQ);
        assertThat(s.getResolution()).isEqualTo(MidiWriter.TICKS_PER_STEP);
        assertThat(s.getTracks()).hasSize(1);
        List<PianoRoll.Note> read = new ArrayList<>();
        long[] onAt = new long[128];
        Track t = s.getTracks()[0];
        for (int i = 0; i < t.size(); i++) {
            MidiEvent e = t.get(i);
            if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) {
                onAt[m.getData1()] = e.getTick();
            } else if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_OFF) {
                int start = (int) (onAt[m.getData1()] / MidiWriter.TICKS_PER_STEP);
                read.add(new PianoRoll.Note(m.getData1(), start, (int) (e.getTick() / MidiWriter.TICKS_PER_STEP) - start));
            }
        }
        read.sort(java.util.Comparator.comparingInt(PianoRoll.Note::start).thenComparingInt(PianoRoll.Note::pitch));
        assertThat(read).isEqualTo(roll.notes());
        assertThat(s.getTickLength()).isEqualTo((long) roll.length() * MidiWriter.TICKS_PER_STEP);
    }

    @Test
    void notesOffTheGridAreRoundedAndShortNotesKeepOneStep() throws Exception {
        // resolution 480: a quarter note is 480 ticks
        byte[] file = file(480, new int[][] {
                {60, 10, 470},        // a slightly early and short quarter: step 0
                {64, 470, 1450},      // starts just before beat 1, ends just before beat 3: steps 1-2
                {67, 1000, 1010},     // a very short note: rounds to step 2, kept for one step
                {36, 0, 960, 9},      // percussion channel: not a pitch, not read
        });
        PianoRoll roll = new MidiQuantizer(1).read("grid.mid", file);
        assertThat(roll.steps()).isDeepEqualTo(new int[][] {{60}, {64}, {64, 67}});
        // on an eighth-note grid the same file has six steps
        assertThat(new MidiQuantizer(2).read("grid.mid", file).length()).isEqualTo(6);
    }

    @Test
    void aNoteOnOfVelocityZeroEndsTheNote() throws Exception {
        Sequence s = new Sequence(Sequence.PPQ, 4);
        Track t = s.createTrack();
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 62, 90), 0));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 62, 0), 8));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 65, 90), 8));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 65, 0), 12));
        assertThat(new MidiQuantizer(1).read("v0.mid", bytes(s)).steps()).isDeepEqualTo(new int[][] {{62}, {62}, {65}});
    }

    @Test
    void badFilesAreRefusedNamingTheFile() throws Exception {
        MidiQuantizer q = new MidiQuantizer(1);
        byte[] good = WRITER.bytes(JsbChorales.load().test().getFirst(), "good");
        assertThatThrownBy(() -> q.read("notes.txt", "C E G C, not a MIDI file".getBytes()))
                .isInstanceOf(RnnlabException.class).hasMessageStartingWith("notes.txt is not a standard MIDI file");
        // cut inside the track, and right after the header: javax.sound.midi alone reads both as fewer tracks
        assertThatThrownBy(() -> q.read("cut.mid", Arrays.copyOf(good, good.length - 7)))
                .hasMessageStartingWith("cut.mid is truncated");
        assertThatThrownBy(() -> q.read("header-only.mid", Arrays.copyOf(good, 14)))
                .hasMessageStartingWith("header-only.mid is truncated").hasMessageContaining("declares 1 tracks but it holds 0");
        byte[] zeroTracks = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 0, 0, (byte) 0x60};
        assertThatThrownBy(() -> q.read("empty.mid", zeroTracks)).hasMessage("empty.mid is a MIDI file with zero tracks: no notes to read");
        assertThatThrownBy(() -> q.read("drums.mid", file(480, new int[][] {{36, 0, 480, 9}})))
                .hasMessageContaining("drums.mid holds no notes");
        assertThatThrownBy(() -> q.read("high.mid", file(480, new int[][] {{120, 0, 480}})))
                .hasMessageContaining("high.mid, track 0, tick 0: note 120 is outside the 88 piano keys");
        Sequence smpte = new Sequence(Sequence.SMPTE_25, 40);
        smpte.createTrack().add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 90), 0));
        assertThatThrownBy(() -> q.read("frames.mid", bytes(smpte))).hasMessageContaining("frames.mid is timed in SMPTE frames");
    }

    @Test
    void aCorpusIsEveryMidiFileOfAFolderInNameOrderAndOneBadFileRefusesIt(@TempDir Path dir) throws Exception {
        List<PianoRoll> test = JsbChorales.load().test();
        WRITER.write(test.get(1), "b", dir.resolve("b.midi"));
        WRITER.write(test.get(0), "a", dir.resolve("a.mid"));
        Files.writeString(dir.resolve("readme.txt"), "not read");
        MidiCorpus corpus = MidiCorpus.read(dir, new MidiQuantizer(1), 1);
        assertThat(corpus.rolls()).containsExactly(test.get(0), test.get(1));
        assertThat(corpus.files()).extracting(p -> p.getFileName().toString()).containsExactly("a.mid", "b.midi");
        assertThat(corpus.provenance()).containsKeys("sha256.a.mid", "sha256.b.midi").containsEntry("files", "2");

        Files.write(dir.resolve("c.mid"), Arrays.copyOf(WRITER.bytes(test.get(2), "c"), 30));
        assertThatThrownBy(() -> MidiCorpus.read(dir, new MidiQuantizer(1), 1))
                .isInstanceOf(RnnlabException.class).hasMessageContaining("c.mid is truncated");
        assertThatThrownBy(() -> MidiCorpus.read(dir.resolve("readme.txt").getParent().resolve("none"), new MidiQuantizer(1), 1))
                .hasMessageContaining("not found");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> MidiCorpus.read(empty, new MidiQuantizer(1), 1)).hasMessageContaining("holds no .mid or .midi files");
    }

    /** A one-track file of {@code {pitch, onTick, offTick[, channel]}} notes. */
    private static byte[] file(int resolution, int[][] notes) throws Exception {
        Sequence s = new Sequence(Sequence.PPQ, resolution);
        Track t = s.createTrack();
        for (int[] n : notes) {
            int channel = n.length > 3 ? n[3] : 0;
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n[0], 90), n[1]));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n[0], 0), n[2]));
        }
        return bytes(s);
    }

    private static byte[] bytes(Sequence s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(s, 0, out);
        return out.toByteArray();
    }
}
