package org.rnnlab.api;

import java.util.List;

/** A configuration has one or more problems; all of them are listed, one per line. */
public final class ConfigException extends RnnlabException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.getFirst()
                : problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() { return problems; }
}
