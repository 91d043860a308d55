package org.rnnlab.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.cell.CellSpec;

/** Reads a cell's options, collecting every problem (unknown key, bad value) before failing. */
final class CellOptions {
    private final String cellId;
    private final CellSpec spec;
    private final List<String> problems = new ArrayList<>();

    CellOptions(String cellId, CellSpec spec, Set<String> known) {
        this.cellId = cellId;
        this.spec = spec;
        for (String key : new TreeSet<>(spec.options().keySet())) {
            if (!known.contains(key)) {
                problems.add("cell '" + cellId + "': unknown option '" + key + "'; known options: "
                        + (known.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    Activation activation(Activation fallback) {
        String v = spec.option("activation", fallback.id());
        for (Activation a : Activation.values()) {
            if (a.id().equals(v)) {
                return a;
            }
        }
        problems.add("cell '" + cellId + "': option activation=" + v + " is not one of tanh, relu");
        return fallback;
    }

    boolean flag(String key, boolean fallback) {
        String v = spec.option(key, Boolean.toString(fallback));
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add("cell '" + cellId + "': option " + key + "=" + v + " must be true or false");
                yield fallback;
            }
        };
    }

    /** A finite number, or {@code fallback} when the option is absent. */
    double number(String key, double fallback) {
        String v = spec.option(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("cell '" + cellId + "': option " + key + "=" + v + " is not a finite number");
        return fallback;
    }

    String raw(String key) {
        return spec.option(key, null);
    }

    /** Throws a {@link ConfigException} listing every problem found so far. */
    void check() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
