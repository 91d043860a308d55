package org.rnnlab.api.event;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An experiment began: the text a reader of its report needs ({@code description}: what it compares,
 * then what to look for, as paragraphs separated by a blank line), its variants (name to settings) and
 * the provenance of the run.
 */
public record ExperimentStarted(String experiment, String description, Path runDirectory,
                                Map<String, Map<String, String>> variants, Map<String, String> provenance)
        implements Event {
    public ExperimentStarted {
        variants = Map.copyOf(variants);
        provenance = Map.copyOf(provenance);
    }

    public List<String> variantNames() {
        return variants.keySet().stream().sorted().toList();
    }
}
