package org.rnnlab.reporting.model;

import org.rnnlab.api.event.RunStatus;

/**
 * Where a variant's run stands in a report: a {@link RunStatus} once it ended, running, or not started
 * (announced by the experiment, no run yet: it has no seed, epochs or metrics to show).
 */
public enum VariantStatus {
    /** Announced by the experiment, but its run has not started: the experiment is still going, or was stopped. */
    NOT_STARTED,
    /** Started and not ended: the experiment is still going, or was stopped. */
    RUNNING,
    COMPLETED,
    STOPPED_EARLY,
    DIVERGED,
    FAILED;

    public static VariantStatus of(RunStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case STOPPED_EARLY -> STOPPED_EARLY;
            case DIVERGED -> DIVERGED;
            case FAILED -> FAILED;
        };
    }

    /** Whether the run's final metrics belong in a mean over seeds: only runs that trained to their end. */
    public boolean countsInMean() {
        return this == COMPLETED || this == STOPPED_EARLY;
    }

    /** Lowercase words for a reader: "stopped early", "diverged". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
