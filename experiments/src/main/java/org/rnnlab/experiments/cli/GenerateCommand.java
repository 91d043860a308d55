package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.runtime.ModelFileCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab generate MODEL_FILE}: samples text from a language model a run saved, one sample per line. The
 * model file is read by the runtime's {@link ModelFileCodec} and rebuilt by the task that wrote it.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Print samples from a language model saved by a run (<variant>/model.safetensors, with vocabulary.txt beside it).")
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

    @Option(names = "--length", paramLabel = "N", description = "The most tokens generated per sample (default ${DEFAULT-VALUE}).")
    int length = 200;

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
                    + " model, not a language model: lab generate needs a model trained on a language-modelling dataset");
        }
        TaskModel model = saved.rebuild(lab.registry());
        List<String> samples = saved.task().samples(model, new SampleRequest(count, temperature, topK, prefix, length),
                new SplittableRandom(seed));
        PrintWriter out = spec.commandLine().getOut();
        for (String sample : samples) {
            // a sample may hold a line break (word or text models): keep one sample per line
            out.println(sample.replace("\r", "\\r").replace("\n", "\\n"));
        }
        out.flush();
        return 0;
    }
}
