package org.rnnlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.Settings;

/**
 * {@code text}: a user's UTF-8 text file for language modelling. Options: {@code path} (required);
 * {@code chunk}: 0 (default) makes one example per non-blank line, split at random by seed; n &gt; 0 cuts the
 * whole text into examples of n characters, split by position (training text first); {@code validation}
 * (default 0.1) and {@code test} (default 0) fractions. Blank lines are not examples; how many were skipped
 * is recorded in the provenance ({@code lines.blank}).
 */
public final class TextFileDataset implements DatasetProvider {
    @Override
    public String id() {
        return "text";
    }

    @Override
    public String description() {
        return "a UTF-8 text file, one example per line or per chunk (language modelling)";
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("path", "chunk", "validation", "test");
    }

    @Override
    public Dataset load(Settings options, long seed) {
        checkOptions(options);
        OptionReader o = new OptionReader("dataset", options);
        Path path = Path.of(o.required("path"));
        int chunk = o.integer("chunk", 0, 0);
        double validation = o.fraction("validation", 0.1);
        double test = o.fraction("test", 0.0);
        Splits.requireRoomForTraining(validation, test);
        SourceText source = SourceText.read(path, o.key("path"));
        if (source.text().isBlank()) {
            throw new RnnlabException(source.name() + " is empty: no text to learn from");
        }
        Provenance provenance = new Provenance(options, seed).source(source);
        Splits splits;
        if (chunk > 0) {
            splits = Splits.byPosition(TextChunks.of(source.text(), chunk), validation, test);
        } else {
            List<TextExample> lines = new ArrayList<>();
            int blank = 0;
            for (String line : source.lines()) {
                if (line.isBlank()) {
                    blank++;
                } else {
                    lines.add(TextExample.unlabelled(line));
                }
            }
            provenance.put("lines.blank", Integer.toString(blank));
            splits = Splits.random(lines, validation, test, seed);
        }
        return new Dataset(id(), "text file " + path.getFileName(), TaskKind.LANGUAGE_MODELLING, splits.train(),
                splits.validation(), splits.test(), List.of(), provenance.with(splits));
    }
}
