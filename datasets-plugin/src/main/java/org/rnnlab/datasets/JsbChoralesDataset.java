package org.rnnlab.datasets;

import java.util.List;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.data.PianoRoll;

/**
 * {@code jsb-chorales}: the 382 Bach chorales of {@link JsbChorales} in their standard 229/76/77 split, each
 * an example of 88-key piano-roll frames at quarter-note steps (1 where a key sounds) for the multi-label
 * task. No options; the split is the file's own, the same for every seed.
 */
public final class JsbChoralesDataset implements DatasetProvider {
    @Override
    public String id() {
        return "jsb-chorales";
    }

    @Override
    public String description() {
        return "382 Bach chorales as 88-key piano rolls at quarter-note steps (multi-label, the standard split)";
    }

    @Override
    public Dataset load(Settings options, long seed) {
        checkOptions(options); // no options: the empty schema refuses any
        PianoRollSplits s = JsbChorales.load();
        return new Dataset(id(), description(), TaskKind.MULTI_LABEL_SEQUENCE, examples(s.train()), examples(s.validation()),
                examples(s.test()), List.of(), s.provenance());
    }

    /** Each roll as an example of its frames, with no target: the task predicts the frames themselves. */
    static List<Example> examples(List<PianoRoll> rolls) {
        return rolls.stream().<Example>map(r -> new VectorExample(r.frames(), new float[0])).toList();
    }
}
