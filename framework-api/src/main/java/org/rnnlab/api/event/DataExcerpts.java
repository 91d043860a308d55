package org.rnnlab.api.event;

import java.util.List;

/**
 * A few examples of the data a variant learns from, in the form of the task's samples (a music task's
 * {@link org.rnnlab.api.data.PianoRoll} text), so that a report can show real data beside what the model
 * sampled without reading the dataset. Published by the runtime once per variant, before it trains, when the
 * task offers excerpts ({@link org.rnnlab.api.task.Task#dataExcerpts}); a resumed run publishes them again,
 * and the later replaces the earlier.
 *
 * @param split    the split they come from, e.g. {@code test}
 * @param excerpts the excerpts, in the split's order
 */
public record DataExcerpts(String experiment, String variant, String split, List<String> excerpts) implements RunEvent {
    public DataExcerpts {
        excerpts = List.copyOf(excerpts);
    }
}
