package org.rnnlab.api.event;

/** How a claim of an experiment fared in a run. */
public enum ClaimVerdict {
    /** Measured, and the claim holds. */
    HOLDS,
    /** Measured, and the claim does not hold. */
    FAILS,
    /** Not measured: a variant it names did not train to the end, or lacks the metric. */
    NOT_MEASURED,
    /** Not checked: the claim is for the defaults, and this run was {@code --quick} or overrode settings. */
    NOT_CHECKED;

    /** Whether {@code lab run --check} counts it as a failure: a claim that failed or could not be measured. */
    public boolean failsCheck() {
        return this == FAILS || this == NOT_MEASURED;
    }
}
