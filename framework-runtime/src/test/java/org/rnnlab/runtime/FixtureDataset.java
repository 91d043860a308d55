package org.rnnlab.runtime;

import java.util.List;
import java.util.Map;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

/** A one-line dataset whose provenance echoes its {@code size} option, counting how often it is loaded. */
final class FixtureDataset implements DatasetProvider {
    int loads;

    @Override public String id() { return "tiny"; }
    @Override public String description() { return "one line"; }

    @Override
    public synchronized Dataset load(Settings options, long seed) {
        loads++;
        return new Dataset("tiny", "one line", TaskKind.LANGUAGE_MODELLING, List.of(TextExample.unlabelled("hello")),
                List.of(), List.of(), List.of(), Map.of("sha256", "abc" + options.string("size", "0"), "seed", Long.toString(seed)));
    }
}
