package org.rnnlab.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rnnlab.api.experiment.FileNames;

/**
 * File names for several names at once ({@link FileNames#safe} each), made distinct: names that only
 * differ in characters the cleaning replaces ({@code a/b}, {@code a?b}) or in case (some file systems
 * ignore it) get {@code -2}, {@code -3}, ... in list order.
 */
final class DistinctFileNames {
    /** Leaves room for a suffix within {@link FileNames}' length bound, so a suffixed name stays whole. */
    private static final int BASE_LENGTH = 100;

    private DistinctFileNames() {}

    static List<String> of(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String base = FileNames.safe(name);
            String candidate = base;
            for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
                candidate = base.substring(0, Math.min(base.length(), BASE_LENGTH)) + "-" + i;
            }
            out.add(candidate);
        }
        return out;
    }
}
