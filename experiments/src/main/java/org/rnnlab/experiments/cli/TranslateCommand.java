package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.model.seq2seq.Translation;
import org.rnnlab.model.seq2seq.Translator;
import org.rnnlab.runtime.ModelFileCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab translate MODEL_FILE TEXT}: the output of a sequence-to-sequence model a run saved, from the
 * model file and the vocabularies beside it alone; with {@code --attention}, a text heatmap of where each
 * output token looked in the source.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = "Print the output of a sequence-to-sequence model saved by a run (<variant>/model.safetensors,"
                + " with source-vocabulary.txt and target-vocabulary.txt beside it) for TEXT.")
final class TranslateCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_FILE", description = "e.g. runs/dates/20261201-213000/attention-additive_s1/model.safetensors")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The text to translate, e.g. \"tuesday 9 may 1978\".")
    String text;

    @Option(names = "--beam", paramLabel = "N", description = "Beam width; 1 decodes greedily (default ${DEFAULT-VALUE}).")
    int beam = 1;

    @Option(names = "--alpha", paramLabel = "A", description = "Length normalisation of beam search: log p / length^A (default ${DEFAULT-VALUE}).")
    double alpha = 0;

    @Option(names = "--attention", description = "Also print a heatmap: one row per output token, one column per source token.")
    boolean attention;

    @Override
    public Integer call() {
        if (beam < 1) {
            throw new ConfigException("--beam must be at least 1 but was " + beam);
        }
        if (!(alpha >= 0)) {
            throw new ConfigException("--alpha must be 0 or more but was " + alpha);
        }
        ModelFileCodec.Saved saved = ModelFileCodec.read(modelFile, lab.registry());
        TaskModel model = saved.rebuild(lab.registry());
        if (!(model instanceof Translator translator)) {
            throw new RnnlabException(saved.file().path() + " is a "
                    + saved.task().fileTag().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " model, not a sequence-to-sequence model: lab translate needs a model trained on pairs (dates, translation)");
        }
        Translation t;
        try {
            t = translator.translate(text, beam, alpha);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(translator.vocabularies().targetText(t.tokens()));
        if (attention) {
            out.print(AttentionText.heatmap(translator.vocabularies().sourceTokens(text), translator.outputTokens(t),
                    t.attention()));
        }
        out.flush();
        return 0;
    }
}
