package org.rnnlab.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.runtime.ModelFileCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab generate MODEL_FILE}: samples from a generating model a run saved, one sample per line: text from a
 * language model, chorales from a music model (MIDI notes joined by dots per step, {@code -} for a rest). With
 * {@code --midi OUT.mid} a music model's samples are also written as standard MIDI files. The model file is
 * read by the runtime's {@link ModelFileCodec} and rebuilt by the task that wrote it.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Print samples from a language or music model saved by a run (<variant>/model.safetensors);"
                + " --midi writes a music model's samples as MIDI files.")
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL_FILE", description = "e.g. runs/dinosaurs/20261121-101500/lstm_s1/model.safetensors")
    Path modelFile;

    @Option(names = "--count", paramLabel = "N", description = "How many samples (default ${DEFAULT-VALUE}).")
    int count = 10;

    @Option(names = "--temperature", paramLabel = "T", description = "Below 1 sharper, above 1 wilder (default ${DEFAULT-VALUE}).")
    double temperature = 1.0;

    @Option(names = "--top-k", paramLabel = "K", description = "Draw only among the K most likely tokens; 0 = all (default ${DEFAULT-VALUE}).")
    int topK = 0;

    @Option(names = "--prefix", paramLabel = "S", description = "Text every sample starts with (default: none).")
    String prefix = "";

    @Option(names = "--length", paramLabel = "N",
            description = "The most tokens generated per sample; a music model's time steps (default ${DEFAULT-VALUE}).")
    int length = 200;

    @Option(names = "--midi", paramLabel = "OUT.mid",
            description = "Also write a music model's samples as standard MIDI files: OUT.mid for one sample,"
                    + " OUT-1.mid, OUT-2.mid, ... for more.")
    Path midi;

    @Option(names = "--seed", paramLabel = "N", description = "The same seed gives the same samples (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new ConfigException("--count must not be negative but was " + count);
        }
        ModelFileCodec.Saved saved = ModelFileCodec.read(modelFile, lab.registry());
        if (!saved.task().generates()) {
            throw new RnnlabException(saved.file().path() + " is a "
                    + saved.task().fileTag().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " model, not a language model or a music model: lab generate needs a model trained on a"
                    + " language-modelling or a music dataset");
        }
        Task task = saved.task();
        if (midi != null && !task.sampleFileType().equals(MIDI)) {
            throw new ConfigException("--midi needs a music model, but " + saved.file().path() + " is a "
                    + task.fileTag().toLowerCase(Locale.ROOT).replace('_', ' ') + " model whose samples are text");
        }
        if (task.sampleFileType().equals(MIDI) && length < 1) {
            throw new ConfigException("--length must be at least 1 time step for a music model but was " + length);
        }
        TaskModel model = saved.rebuild(lab.registry());
        List<String> samples = task.samples(model, new SampleRequest(count, temperature, topK, prefix, length),
                new SplittableRandom(seed));
        PrintWriter out = spec.commandLine().getOut();
        for (String sample : samples) {
            // a sample may hold a line break (word or text models): keep one sample per line
            out.println(sample.replace("\r", "\\r").replace("\n", "\\n"));
        }
        out.flush();
        if (midi != null) {
            writeMidi(task, model, samples);
        }
        return 0;
    }

    private static final String MIDI = "mid";

    /** The samples as MIDI files; where each went is said on the error stream, so the output stays one sample per line. */
    private void writeMidi(Task task, TaskModel model, List<String> samples) {
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < samples.size(); i++) {
            Path file = samples.size() == 1 ? midi : numbered(midi, i + 1);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                task.writeSample(model, samples.get(i), file);
            } catch (IOException e) {
                throw new RnnlabException("cannot write MIDI file " + file.toAbsolutePath() + ": " + e, e);
            }
            err.println("wrote " + file);
        }
        err.flush();
    }

    /** {@code OUT.mid} -> {@code OUT-n.mid}; a name without an extension gets {@code -n.mid}. */
    static Path numbered(Path file, int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n + "." + MIDI;
        return file.resolveSibling(numbered);
    }
}
