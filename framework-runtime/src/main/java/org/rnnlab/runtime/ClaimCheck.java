package org.rnnlab.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.event.ClaimVerdict;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.Metric;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Claim;
import org.rnnlab.api.experiment.Variant;

/**
 * Checks an experiment's {@link Claim}s against how its variants ended. It collects every variant's
 * {@link RunCompleted} as a subscriber of the run's bus (and from the log's history on a resumed run);
 * {@link #verdicts} then gives one {@link ClaimChecked} per claim, which the runner publishes before
 * {@code ExperimentCompleted} so that reports and the log hold them.
 *
 * <p>A group is the variants that differ only in their seed; its value is the mean over the runs that
 * trained to the end (completed or stopped early). A run that diverged or failed is left out and named;
 * a group with no run left is {@link ClaimVerdict#NOT_MEASURED}.
 */
final class ClaimCheck implements EventSubscriber {
    private final Map<String, RunCompleted> ends = new ConcurrentHashMap<>();

    /** A check that already knows how the variants in {@code history} ended (a resumed run's earlier process). */
    static ClaimCheck after(org.rnnlab.api.report.EventHistory history) {
        ClaimCheck check = new ClaimCheck();
        try {
            history.replay(check);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new org.rnnlab.api.RnnlabException("cannot read the run's earlier events: " + e.getMessage(), e);
        }
        return check;
    }

    @Override
    public void onEvent(Event event) {
        if (event instanceof RunCompleted c) {
            ends.put(c.variant(), c);
        }
    }

    /** The verdict of every claim of {@code plan}, in the plan's order. */
    List<ClaimChecked> verdicts(ExperimentPlan plan) {
        String notChecked = whyNotChecked(plan.request());
        boolean quick = DefaultsNote.quick(plan.request());
        Map<String, List<Variant>> groups = new LinkedHashMap<>();
        for (Variant v : plan.variants()) {
            groups.computeIfAbsent(group(v), g -> new ArrayList<>()).add(v);
        }
        List<ClaimChecked> out = new ArrayList<>();
        for (Claim claim : plan.claims()) {
            String reason = notChecked.isEmpty() && quick && !claim.checkedWhenQuick()
                    ? "the claim is for the defaults; this run was --quick" : notChecked;
            if (!reason.isEmpty()) {
                // the pairs stay named: a report still sets their seeds side by side
                out.add(new ClaimChecked(plan.name(), claim.statement(), claim.source(), ClaimVerdict.NOT_CHECKED,
                        Map.of(), "not checked: " + reason, compared(claim)));
            } else {
                out.add(check(plan.name(), claim, groups));
            }
        }
        return out;
    }

    /** The variant's group: its name without the seed the grid appended ({@code lstm_s2} -> {@code lstm}). */
    static String group(Variant v) {
        return Claim.group(v.name(), v.seed());
    }

    private static String whyNotChecked(Map<String, String> request) {
        List<String> overrides = DefaultsNote.overrides(request);
        return overrides.isEmpty() ? "" : "the claim is for the defaults; this run overrides " + String.join(", ", overrides);
    }

    private ClaimChecked check(String experiment, Claim claim, Map<String, List<Variant>> groups) {
        Claim.Measure measure = switch (claim) {
            case Claim.Threshold t -> t.measure();
            case Claim.Order o -> o.measure();
            case Claim.Gap g -> g.measure();
            case Claim.Tie t -> t.measure();
        };
        List<String> named = switch (claim) {
            case Claim.Threshold t -> t.groups().isEmpty() ? List.copyOf(groups.keySet()) : t.groups();
            case Claim.Order o -> o.bestFirst();
            case Claim.Gap g -> List.of(g.better(), g.worse());
            case Claim.Tie t -> List.of(t.first(), t.second());
        };
        Map<String, Values> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (String g : named) {
            Values v = values(groups.getOrDefault(g, List.of()), measure, leftOut);
            if (v.count() == 0) {
                missing.add(groups.containsKey(g) ? (g.isEmpty() ? "the run" : g) + " has no " + measure.words()
                        + " from a run that trained to the end" : "no variant '" + g + "' in this run");
            } else {
                values.put(g, v);
            }
        }
        String left = leftOut.isEmpty() ? "" : " (left out: " + String.join(", ", leftOut) + ")";
        Map<String, Double> measured = new TreeMap<>();
        values.forEach((g, v) -> measured.put(g.isEmpty() ? measure.metric() : g, v.mean()));
        if (missing.isEmpty() && claim instanceof Claim.Tie && values.values().stream().allMatch(v -> v.count() < 2)) {
            missing.add("a tie needs the spread over seeds, and each group has one seed (--seeds 3 measures it)");
        }
        if (!missing.isEmpty()) {
            return new ClaimChecked(experiment, claim.statement(), claim.source(), ClaimVerdict.NOT_MEASURED, measured,
                    String.join("; ", missing) + left, compared(claim));
        }
        Metric.Direction direction = Metric.of(measure.metric()).direction();
        String shown = values.entrySet().stream().map(e -> (e.getKey().isEmpty() ? "" : e.getKey() + " ")
                + e.getValue().words()).collect(Collectors.joining(", "));
        boolean holds = switch (claim) {
            case Claim.Threshold t -> values.values().stream().allMatch(v -> v.mean() >= t.min() && v.mean() <= t.max());
            case Claim.Order o -> {
                boolean inOrder = direction != Metric.Direction.NEITHER;
                for (int i = 0; i + 1 < o.bestFirst().size(); i++) {
                    inOrder &= better(direction, values.get(o.bestFirst().get(i)).mean(), values.get(o.bestFirst().get(i + 1)).mean());
                }
                yield inOrder;
            }
            case Claim.Gap g -> {
                Values a = values.get(g.better());
                Values b = values.get(g.worse());
                double gap = direction == Metric.Direction.LOWER_IS_BETTER ? b.mean() - a.mean() : a.mean() - b.mean();
                double spread = Math.max(a.range(), b.range());
                measured.put("gap", gap);
                measured.put("spread", spread);
                shown += String.format(Locale.ROOT, "; gap %s, spread over seeds %s", Claim.figure(gap),
                        a.count() < 2 && b.count() < 2 ? "unknown (one seed each: checked against " + Claim.figure(g.minimum())
                                + " only; --seeds 3 measures it)" : Claim.figure(spread));
                yield direction != Metric.Direction.NEITHER && gap > g.minimum() && gap > spread;
            }
            case Claim.Tie t -> {
                Values a = values.get(t.first());
                Values b = values.get(t.second());
                double difference = a.mean() - b.mean();
                double spread = Math.max(a.range(), b.range());
                measured.put("difference", difference);
                measured.put("spread", spread);
                shown += String.format(Locale.ROOT, "; difference %s, spread over seeds %s", Claim.figure(difference),
                        Claim.figure(spread));
                yield Math.abs(difference) < spread;
            }
        };
        return new ClaimChecked(experiment, claim.statement(), claim.source(), holds ? ClaimVerdict.HOLDS : ClaimVerdict.FAILS,
                measured, "measured " + shown + left, compared(claim));
    }

    /** The groups an order, a gap or a tie compares, for a report to set their seeds side by side. */
    static ClaimChecked.Compared compared(Claim claim) {
        return switch (claim) {
            case Claim.Threshold t -> ClaimChecked.Compared.NONE;
            case Claim.Order o -> new ClaimChecked.Compared(o.measure().metric(), o.measure().best(), o.bestFirst());
            case Claim.Gap g -> new ClaimChecked.Compared(g.measure().metric(), g.measure().best(), List.of(g.better(), g.worse()));
            case Claim.Tie t -> new ClaimChecked.Compared(t.measure().metric(), t.measure().best(), List.of(t.first(), t.second()));
        };
    }

    private static boolean better(Metric.Direction d, double a, double b) {
        return d == Metric.Direction.LOWER_IS_BETTER ? a < b : d == Metric.Direction.HIGHER_IS_BETTER && a > b;
    }

    private Values values(List<Variant> members, Claim.Measure measure, List<String> leftOut) {
        List<Double> xs = new ArrayList<>();
        for (Variant v : members) {
            RunCompleted end = ends.get(v.name());
            if (end == null || !(end.status() == RunStatus.COMPLETED || end.status() == RunStatus.STOPPED_EARLY)) {
                leftOut.add(v.name() + " " + (end == null ? "did not end" : end.status().name().toLowerCase(Locale.ROOT)));
                continue;
            }
            Double x = (measure.best() ? end.bestMetrics() : end.finalMetrics()).get(measure.metric());
            if (x != null && Double.isFinite(x)) {
                xs.add(x);
            }
        }
        return new Values(xs);
    }

    /** A group's values over its seeds. */
    private record Values(List<Double> xs) {
        int count() {
            return xs.size();
        }

        double mean() {
            return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** Highest minus lowest seed; 0 for one seed. */
        double range() {
            return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                    - xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        /** "0.833" for one seed, "0.81 (0.79-0.83 over 3 seeds)" for several. */
        String words() {
            if (xs.size() == 1) {
                return Claim.figure(xs.getFirst());
            }
            return Claim.figure(mean()) + " (" + Claim.figure(xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                    + " to " + Claim.figure(xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                    + " over " + xs.size() + " seeds)";
        }
    }
}
