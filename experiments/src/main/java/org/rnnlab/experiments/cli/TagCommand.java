package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.TokenTagger;
import org.rnnlab.runtime.ModelFileCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab tag MODEL_FILE TEXT...}: the tokens of each text with the tags a tagging model a run saved
 * predicts for them, one {@code token<TAB>tag} per line and a blank line after each text (the CoNLL
 * layout, so the output reads back as a {@code conll} file).
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Print the tokens of a text with the tags a saved tagging model predicts (<variant>/model.safetensors, with vocabulary.txt beside it).")
final class TagCommand implements Callable<Integer> {

    @ParentCommand
    Lab lab;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_FILE", description = "e.g. runs/tagging/20261201-211500/bi_s1/model.safetensors")
    Path modelFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "One or more texts to tag, each in quotes.")
    List<String> texts;

    @Override
    public Integer call() {
        ModelFileCodec.Saved saved = ModelFileCodec.read(modelFile, lab.registry());
        TaskModel model = saved.rebuild(lab.registry());
        if (!(model instanceof TokenTagger tagger)) {
            throw new RnnlabException(saved.file().path() + " is a " + saved.task().fileTag().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " model, not a tagger: lab tag needs a model trained on a tagging dataset");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String text : texts) {
            for (TokenTagger.TaggedToken t : tagger.tag(text)) {
                out.println(t.token() + "\t" + t.tag());
            }
            out.println();
        }
        out.flush();
        return 0;
    }
}
