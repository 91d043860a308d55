package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.data.MidiWriter;
import org.rnnlab.api.data.PianoRoll;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.engine.Safetensors;

/**
 * A music run through the runtime's pipeline on a user's MIDI folder (the {@code midi} dataset on an
 * eighth-note grid): the sampled chorales land in the variant's folder as standard MIDI files that
 * {@code javax.sound.midi} reads back as the sampled notes, on the data's grid; the run reports its size as
 * PyTorch counts it.
 */
class MusicRunTest {
    @TempDir
    Path dir;

    private static final int STEPS_PER_QUARTER = 2;

    @Test
    void samplesAreWrittenAsMidiFilesOfTheSampledNotesOnTheDatasGrid() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        SplittableRandom random = new SplittableRandom(4);
        for (int f = 0; f < 10; f++) {
            new MidiWriter(90).write(randomRoll(random, 12 + f), "piece " + f, corpus.resolve("piece-" + f + ".mid"));
        }
        Map<String, String> s = new HashMap<>(Map.of("dataset", "midi", "dataset.path", corpus.toString(),
                "dataset.steps_per_quarter", Integer.toString(STEPS_PER_QUARTER), "cell", "gru", "hidden", "8",
                "embedding", "0", "epochs", "2", "batch", "2", "samples", "3", "sample_length", "20"));
        Path run = dir.resolve("v");
        RecordingBus bus = new RecordingBus();
        RunResult result = TrainerTest.train("bptt", s, run, bus, false);
        assertThat(result.status()).isEqualTo(RunStatus.COMPLETED);

        Samples last = bus.of(Samples.class).getLast();
        assertThat(last.epoch()).isEqualTo(2);
        assertThat(last.samples()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Path file = run.resolve(Samples.file(i, "mid"));
            assertThat(file).as("sample %d", i + 1).exists().hasFileName("sample-" + (i + 1) + ".mid");
            PianoRoll sampled = PianoRoll.parseText(last.samples().get(i), STEPS_PER_QUARTER);
            Sequence midi = MidiSystem.getSequence(file.toFile());
            assertThat(midi.getResolution()).isEqualTo(MidiWriter.TICKS_PER_STEP * STEPS_PER_QUARTER);
            assertThat(notes(midi)).as("notes of sample %d", i + 1).isEqualTo(sampled.notes());
            assertThat(midi.getTickLength()).isEqualTo(20L * MidiWriter.TICKS_PER_STEP);
        }
        assertThat(run.resolve(Samples.file(3, "mid"))).doesNotExist();
        assertThat(Safetensors.read(run.resolve("model.safetensors")).metadata())
                .containsEntry(MultiLabelTask.STEPS_PER_QUARTER, Integer.toString(STEPS_PER_QUARTER));
    }

    @Test
    void aFolderThatRefusesTheSampleFilesFailsTheRunNamingTheFileAfterTheEpochsCheckpoint() throws Exception {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "jsb-chorales", "cell", "rnn", "hidden", "4",
                "embedding", "0", "epochs", "1", "batch", "64", "samples", "1", "sample_length", "4"));
        Path run = Files.createDirectories(dir.resolve("v"));
        // a file where the samples folder should be
        Files.writeString(run.resolve("samples"), "in the way");
        RecordingBus bus = new RecordingBus();
        assertThatThrownBy(() -> TrainerTest.train("bptt", s, run, bus, false))
                .hasMessageContaining("cannot write sample file " + run.resolve("samples/sample-1.mid"));
        assertThat(bus.of(org.rnnlab.api.event.Checkpointed.class)).hasSize(1);
    }

    @Test
    void theRunReportsItsSizeAsPyTorchCountsIt() throws Exception {
        Map<String, String> s = new HashMap<>(Map.of("dataset", "jsb-chorales", "cell", "lstm", "hidden", "6",
                "embedding", "0", "epochs", "1", "batch", "64"));
        RecordingBus bus = new RecordingBus();
        TrainerTest.train("bptt", s, dir.resolve("lstm"), bus, false);
        // torch.nn.LSTM(88, 6): 4*6*(88+6) weights + 2 biases of 4*6; Linear(6, 88): 6*88 + 88
        long pytorch = 4 * 6 * (88 + 6) + 2 * 4 * 6 + 6 * 88 + 88;
        assertThat(bus.of(RunCompleted.class).getLast().finalMetrics()).containsEntry(BpttTrainer.PARAMETERS, (double) pytorch);
    }

    @Test
    void aSampleThatIsNotARollIsRefusedAndAGridThatIsNotANumberNamesTheFile() throws Exception {
        MultiLabelTask task = new MultiLabelTask();
        // writing a sample needs only the grid of the model
        TaskModel model = new MultiLabelTaskModel(null, 1);
        assertThatThrownBy(() -> task.writeSample(model, "60.64 la", dir.resolve("x.mid")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("word 2 'la'");
        assertThat(dir.resolve("x.mid")).doesNotExist();
        assertThatThrownBy(() -> task.rebuild(new ModelFile(Path.of("m.safetensors"), metadata(task, "eighths"), Map.of()),
                new TestComponents())).hasMessageContaining("m.safetensors").hasMessageContaining("'eighths'");
    }

    private static Map<String, String> metadata(MultiLabelTask task, String grid) {
        Map<String, String> meta = new HashMap<>(Map.of("cell", "rnn", "hidden", "4", "layers", "1", "embedding", "0",
                "token_input", "false", "input_size", "88", "outputs", "88", "fused", "true"));
        meta.put(MultiLabelTask.STEPS_PER_QUARTER, grid);
        return meta;
    }

    private static PianoRoll randomRoll(SplittableRandom random, int steps) {
        int[][] notes = new int[steps][];
        for (int t = 0; t < steps; t++) {
            notes[t] = random.ints(random.nextInt(4), 48, 80).distinct().toArray();
        }
        return new PianoRoll(notes, STEPS_PER_QUARTER);
    }

    /** The notes of a one-track file as javax.sound.midi reads them, in grid steps, by start then pitch. */
    private static List<PianoRoll.Note> notes(Sequence midi) {
        List<PianoRoll.Note> read = new ArrayList<>();
        long[] onAt = new long[128];
        Track track = midi.getTracks()[0];
        for (int i = 0; i < track.size(); i++) {
            MidiEvent e = track.get(i);
            if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                onAt[m.getData1()] = e.getTick();
            } else if (e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_OFF) {
                int start = (int) (onAt[m.getData1()] / MidiWriter.TICKS_PER_STEP);
                read.add(new PianoRoll.Note(m.getData1(), start, (int) (e.getTick() / MidiWriter.TICKS_PER_STEP) - start));
            }
        }
        read.sort(java.util.Comparator.comparingInt(PianoRoll.Note::start).thenComparingInt(PianoRoll.Note::pitch));
        return read;
    }
}
