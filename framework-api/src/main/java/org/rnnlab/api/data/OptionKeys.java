package org.rnnlab.api.data;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.experiment.Settings;

/**
 * Refuses options a component does not know, so that a misspelt {@code --set dataset.lenght=100} stops the
 * run instead of being ignored. The experiment's settings validation does this before any run for
 * components that declare {@link org.rnnlab.api.Component#optionKeys()}; components call it again when
 * they are used, so a direct caller is protected too.
 *
 * @since 0.1
 */
public final class OptionKeys {
    private OptionKeys() {}

    /**
     * Throws {@link ConfigException} naming every key of {@code options} that is not in {@code known},
     * with its full name ({@code prefix.key}) and the keys that are accepted.
     *
     * @param prefix    the settings prefix the options came from, e.g. {@code dataset}
     * @param component the component's id, e.g. {@code sentiment}
     * @param options   the options with the prefix removed
     * @param known     the keys the component accepts
     */
    public static void requireKnown(String prefix, String component, Settings options, Set<String> known) {
        List<String> unknown = options.values().keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            String takes = known.isEmpty() ? "takes no options"
                    : "takes " + String.join(", ", new TreeSet<>(known).stream().map(k -> prefix + "." + k).toList());
            throw new ConfigException(unknown.stream()
                    .map(k -> "unknown setting '" + prefix + "." + k + "': " + prefix + " '" + component + "' " + takes)
                    .toList());
        }
    }
}
