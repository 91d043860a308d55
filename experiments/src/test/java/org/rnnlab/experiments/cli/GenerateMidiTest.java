package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.experiments.cli.InProcessLab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.data.MidiWriter;
import org.rnnlab.api.data.PianoRoll;
import org.rnnlab.experiments.cli.InProcessLab.Result;

/**
 * {@code lab generate MODEL --midi OUT.mid} in-process, on the music models a real one-epoch {@code lab run music}
 * saved: the files hold, as {@code javax.sound.midi} reads them, exactly the notes of the printed samples;
 * the same seed writes the same bytes; a language model is refused.
 */
class GenerateMidiTest {
    @TempDir
    static Path runs;
    private static Path run;

    static {
        // the lab module itself writes no MIDI (the task does); this test reads the files with javax.sound.midi
        GenerateMidiTest.class.getModule().addReads(ModuleLayer.boot().findModule("java.desktop").orElseThrow());
    }

    @BeforeAll
    static void trainTheMusicLessonForOneEpoch() {
        run = InProcessLab.run("music", "--set", "epochs=1", "--threads", "1", "--out", runs.toString());
    }

    @Test
    void oneSampleIsOneMidiFileOfThePrintedNotes(@TempDir Path out) throws Exception {
        Path file = out.resolve("new/folder/chorale.mid");
        Result r = lab("generate", run.resolve("gru_s1/model.safetensors").toString(), "--midi", file.toString(),
                "--count", "1", "--length", "24", "--temperature", "0.8", "--seed", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        assertThat(r.err()).contains("wrote " + file);
        PianoRoll printed = PianoRoll.parseText(r.out().strip(), 1);
        assertThat(printed.length()).isEqualTo(24);
        Sequence midi = MidiSystem.getSequence(file.toFile());
        assertThat(notes(midi)).isEqualTo(printed.notes());
        assertThat(midi.getTickLength()).isEqualTo(24L * MidiWriter.TICKS_PER_STEP);
    }

    @Test
    void severalSamplesAreNumberedAndTheSameSeedWritesTheSameBytes(@TempDir Path out) throws Exception {
        String model = run.resolve("lstm_s1/model.safetensors").toString();
        Result a = lab("generate", model, "--midi", out.resolve("a/s.mid").toString(), "--count", "3", "--length", "16",
                "--seed", "5");
        Result b = lab("generate", model, "--midi", out.resolve("b/s.mid").toString(), "--count", "3", "--length", "16",
                "--seed", "5");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
        List<String> lines = a.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            Path fa = out.resolve("a/s-" + i + ".mid");
            assertThat(Files.readAllBytes(out.resolve("b/s-" + i + ".mid"))).isEqualTo(Files.readAllBytes(fa));
            assertThat(notes(MidiSystem.getSequence(fa.toFile()))).isEqualTo(PianoRoll.parseText(lines.get(i - 1), 1).notes());
        }
        assertThat(out.resolve("a/s.mid")).doesNotExist();
    }

    @Test
    void theRunWroteEachVariantsLastSamplesAsMidiFilesInItsFolder() throws Exception {
        for (String variant : List.of("rnn_s1", "lstm_s1", "gru_s1")) {
            // the lesson draws 2 samples of 32 steps an epoch
            for (int i = 1; i <= 2; i++) {
                Path file = run.resolve(variant).resolve("samples/sample-" + i + ".mid");
                assertThat(file).exists();
                assertThat(MidiSystem.getSequence(file.toFile()).getTickLength()).isEqualTo(32L * MidiWriter.TICKS_PER_STEP);
            }
        }
    }

    @Test
    void aLanguageModelIsRefusedNamingTheFile(@TempDir Path out) {
        Path model = InProcessLab.run("hello", "--set", "epochs=1", "--threads", "1", "--out", out.toString())
                .resolve("s1/model.safetensors");
        Result r = lab("generate", model.toString(), "--midi", out.resolve("x.mid").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--midi needs a music model").contains(model.toString())
                .contains("language modelling model");
        assertThat(out.resolve("x.mid")).doesNotExist();
    }

    /** The notes of a one-track file as javax.sound.midi reads them, in quarter-note steps, by start then pitch. */
    private static List<PianoRoll.Note> notes(Sequence midi) {
        List<PianoRoll.Note> read = new ArrayList<>();
        long[] onAt = new long[128];
        Track track = midi.getTracks()[0];
        for (int i = 0; i < track.size(); i++) {
            MidiEvent e = track.get(i);
            if (e.getMessage() instanceof ShortMessage msg && msg.getCommand() == ShortMessage.NOTE_ON && msg.getData2() > 0) {
                onAt[msg.getData1()] = e.getTick();
            } else if (e.getMessage() instanceof ShortMessage msg && msg.getCommand() == ShortMessage.NOTE_OFF) {
                int start = (int) (onAt[msg.getData1()] / MidiWriter.TICKS_PER_STEP);
                read.add(new PianoRoll.Note(msg.getData1(), start, (int) (e.getTick() / MidiWriter.TICKS_PER_STEP) - start));
            }
        }
        read.sort(Comparator.comparingInt(PianoRoll.Note::start).thenComparingInt(PianoRoll.Note::pitch));
        return read;
    }
}
