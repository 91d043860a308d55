package org.rnnlab.api.experiment;

import java.util.List;

/** A varied setting of an experiment: its name (a settings key, or a name for linked settings) and its values. */
public record Axis(String name, List<Alternative> alternatives) {
    public Axis {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("axis '" + name + "' has no values");
        }
    }
}
