package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rnnlab.api.data.PianoRoll;
import org.rnnlab.reporting.model.ChoraleRecord;
import org.rnnlab.reporting.model.ExcerptRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * The real chorales a page shows beside the sampled ones ({@link SampledChorales}): the excerpts of each
 * variant's data that its run logged ({@link org.rnnlab.api.event.DataExcerpts}) and that are piano rolls, on
 * the grid of the first variant that logged it. Variants of one dataset log the same excerpts; a page shows
 * each text once.
 */
final class RealChorales {
    private RealChorales() {}

    static List<ChoraleRecord> of(ExperimentRecord experiment) {
        List<ChoraleRecord> chorales = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (VariantRecord v : experiment.variants()) {
            int grid = SampledChorales.grid(v);
            for (ExcerptRecord excerpt : v.excerpts()) {
                List<PianoRoll> rolls = SampledChorales.rolls(excerpt.texts(), grid);
                for (int i = 0; i < rolls.size(); i++) {
                    if (!shown.add(excerpt.texts().get(i))) {
                        continue;
                    }
                    String dataset = v.settings().getOrDefault("dataset", "data");
                    chorales.add(SampledChorales.chorale(dataset + " · " + excerpt.split() + " chorale " + (i + 1),
                            ChoraleRecord.Origin.REAL, rolls.get(i), ""));
                }
            }
        }
        return chorales;
    }
}
