package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.event.ClaimVerdict;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;

/**
 * The verdicts of an experiment's claims as the run publishes them, for the lines {@code lab run} prints
 * at the end and for {@code --check}, which fails the command when a claim failed or could not be measured.
 */
final class ClaimVerdicts implements EventSubscriber {
    private final List<ClaimChecked> verdicts = new ArrayList<>();

    @Override
    public synchronized void onEvent(Event event) {
        if (event instanceof ClaimChecked c) {
            verdicts.add(c);
        }
    }

    /** One line per claim, then a count; nothing when the experiment declares no claims. */
    synchronized void print(PrintWriter out) {
        if (verdicts.isEmpty()) {
            return;
        }
        out.println("claims:");
        verdicts.forEach(v -> out.println("  " + v.line()));
        long failed = verdicts.stream().filter(v -> v.verdict().failsCheck()).count();
        long notChecked = verdicts.stream().filter(v -> v.verdict() == ClaimVerdict.NOT_CHECKED).count();
        out.println("claims: " + (verdicts.size() - failed - notChecked) + " hold, " + failed + " fail or unmeasured, "
                + notChecked + " not checked" + (notChecked > 0 ? " (they are for the defaults)" : ""));
    }

    /** Whether a claim failed or could not be measured. */
    synchronized boolean anyFailed() {
        return verdicts.stream().anyMatch(v -> v.verdict().failsCheck());
    }
}
