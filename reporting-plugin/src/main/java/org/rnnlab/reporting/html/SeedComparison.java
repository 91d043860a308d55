package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.experiment.Claim;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.seeds.BootstrapInterval;

/**
 * Two groups of runs (variants that differ only in their seed) set side by side on one measure: their
 * values over the seeds that trained to the end, and the bootstrap interval of the difference of their
 * means ({@code first - second}). Which pairs: those the lesson's order and gap claims compare (the
 * claimed better first), else neighbouring groups in the order the experiment lists them, on its main
 * measure ({@link #mainMeasure}).
 */
public record SeedComparison(String first, String second, String metric, boolean best, double[] firstValues,
                             double[] secondValues, Optional<BootstrapInterval> interval, String source) {

    /** The measure in words: "test.accuracy" or "best val.loss". */
    public String measure() {
        return best ? "best " + metric : metric;
    }

    /** Every pair the page compares, claims' pairs first; empty when the experiment has fewer than two groups. */
    public static List<SeedComparison> of(ExperimentRecord experiment) {
        Map<String, List<VariantRecord>> named = byClaimName(experiment);
        List<SeedComparison> out = new ArrayList<>();
        Set<List<Object>> seen = new LinkedHashSet<>();
        for (ClaimChecked c : experiment.claims()) {
            ClaimChecked.Compared compared = c.compared();
            if (!compared.any()) {
                continue;
            }
            for (int i = 0; i + 1 < compared.bestFirst().size(); i++) {
                String a = compared.bestFirst().get(i);
                String b = compared.bestFirst().get(i + 1);
                if (named.containsKey(a) && named.containsKey(b) && seen.add(List.of(a, b, compared.metric(), compared.best()))) {
                    out.add(compare(a, b, named, compared.metric(), compared.best(), "claim: " + c.claim()));
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        Map<String, List<VariantRecord>> groups = bySettings(experiment);
        Optional<Map.Entry<String, Boolean>> main = mainMeasure(experiment);
        if (groups.size() < 2 || main.isEmpty()) {
            return List.of();
        }
        List<String> names = List.copyOf(groups.keySet());
        for (int i = 0; i + 1 < names.size(); i++) {
            // a loss on one dataset says nothing against a loss on another
            if (sameDataset(groups.get(names.get(i)), groups.get(names.get(i + 1)))) {
                out.add(compare(names.get(i), names.get(i + 1), groups, main.get().getKey(), main.get().getValue(),
                        "neighbouring settings"));
            }
        }
        return out;
    }

    /**
     * The measure neighbouring groups are compared on: the test counterpart of the metric that chose the
     * best epoch ({@code val.accuracy} -> {@code test.accuracy}) when the runs have it, else that metric's best
     * value; without a best epoch, the first final metric (losses first). The boolean says "best value".
     */
    public static Optional<Map.Entry<String, Boolean>> mainMeasure(ExperimentRecord experiment) {
        Optional<String> chooser = experiment.variants().stream().filter(v -> v.best().known()).map(v -> v.best().metric()).findFirst();
        if (chooser.isPresent()) {
            String m = chooser.get();
            String test = m.startsWith("val.") ? "test." + m.substring(4) : "";
            boolean hasTest = !test.isEmpty() && experiment.variants().stream().anyMatch(v -> v.finalMetrics().containsKey(test));
            return Optional.of(hasTest ? Map.entry(test, false) : Map.entry(m, true));
        }
        return experiment.variants().stream().flatMap(v -> v.finalMetrics().keySet().stream())
                .filter(m -> !m.startsWith("time.") && !m.equals("parameters"))
                .sorted((x, y) -> Boolean.compare(!x.endsWith("loss"), !y.endsWith("loss")) != 0
                        ? Boolean.compare(!x.endsWith("loss"), !y.endsWith("loss")) : x.compareTo(y))
                .findFirst().map(m -> Map.entry(m, false));
    }

    /** The runs of each group that trained to the end, by the group's name as claims use it ({@link Claim#group}). */
    static Map<String, List<VariantRecord>> byClaimName(ExperimentRecord experiment) {
        Map<String, List<VariantRecord>> groups = new LinkedHashMap<>();
        for (VariantRecord v : experiment.variants()) {
            List<VariantRecord> members = groups.computeIfAbsent(Claim.group(v.name(), v.seed()), g -> new ArrayList<>());
            if (v.status().countsInMean()) {
                members.add(v);
            }
        }
        return groups;
    }

    /**
     * The runs of each {@link SeedGroup} that trained to the end, named as claims name them when that name is
     * the same for every member and differs from group to group ({@code lstm}), else by the settings that differ.
     */
    static Map<String, List<VariantRecord>> bySettings(ExperimentRecord experiment) {
        List<SeedGroup> groups = SeedGroup.of(experiment);
        List<String> labels = groupLabels(experiment);
        Map<String, List<VariantRecord>> out = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            out.put(labels.get(i), groups.get(i).included());
        }
        return out;
    }

    /** The name of each {@link SeedGroup}, in their order (see {@link #bySettings}). */
    static List<String> groupLabels(ExperimentRecord experiment) {
        List<SeedGroup> groups = SeedGroup.of(experiment);
        List<String> claimNames = groups.stream().map(g -> {
            Set<String> names = new LinkedHashSet<>();
            g.members().forEach(v -> names.add(Claim.group(v.name(), v.seed())));
            return names.size() == 1 ? names.iterator().next() : "";
        }).toList();
        boolean byName = claimNames.stream().noneMatch(String::isEmpty) && Set.copyOf(claimNames).size() == groups.size();
        List<String> dimensions = Dimensions.of(experiment);
        return byName ? claimNames : groups.stream().map(g -> Dimensions.label(g.members().getFirst(), dimensions)).toList();
    }

    /** Whether two groups ran on one dataset; a group with no finished run (all diverged) is compared as before. */
    private static boolean sameDataset(List<VariantRecord> a, List<VariantRecord> b) {
        return a.isEmpty() || b.isEmpty() || java.util.Objects.equals(a.getFirst().settings().get("dataset"), b.getFirst().settings().get("dataset"));
    }

    private static SeedComparison compare(String a, String b, Map<String, List<VariantRecord>> groups, String metric, boolean best,
                                          String source) {
        double[] xs = values(groups.get(a), metric, best);
        double[] ys = values(groups.get(b), metric, best);
        return new SeedComparison(a, b, metric, best, xs, ys, BootstrapInterval.differenceOfMeans(xs, ys), source);
    }

    private static double[] values(List<VariantRecord> runs, String metric, boolean best) {
        return runs.stream().map(v -> (best ? v.bestMetrics() : v.finalMetrics()).get(metric))
                .filter(x -> x != null && Double.isFinite(x)).mapToDouble(Double::doubleValue).toArray();
    }

    /** The mean of the first group's values (NaN without any). */
    public double firstMean() {
        return firstValues.length == 0 ? Double.NaN : BootstrapInterval.mean(firstValues);
    }

    /** The mean of the second group's values (NaN without any). */
    public double secondMean() {
        return secondValues.length == 0 ? Double.NaN : BootstrapInterval.mean(secondValues);
    }
}
