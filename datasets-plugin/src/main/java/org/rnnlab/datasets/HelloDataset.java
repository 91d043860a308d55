package org.rnnlab.datasets;

import java.util.List;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

/**
 * {@code hello}: the course's toy, one word "hello" to learn by heart with a character tokenizer
 * (vocabulary h, e, l, o). Validation is the same word, so a run can show that it has memorised it;
 * there is no test split.
 */
public final class HelloDataset implements DatasetProvider {
    @Override
    public String id() {
        return "hello";
    }

    @Override
    public String description() {
        return "the toy word \"hello\" (characters h, e, l, o) for language modelling";
    }

    @Override
    public Dataset load(Settings options, long seed) {
        checkOptions(options);
        List<Example> word = List.of(TextExample.unlabelled("hello"));
        Splits splits = new Splits(word, word, List.of());
        return new Dataset(id(), description(), TaskKind.LANGUAGE_MODELLING, splits.train(), splits.validation(),
                splits.test(), List.of(), new Provenance(options, seed).put("source", "built in").with(splits));
    }
}
