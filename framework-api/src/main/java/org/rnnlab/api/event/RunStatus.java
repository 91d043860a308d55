package org.rnnlab.api.event;

/** How a run ended. */
public enum RunStatus {
    COMPLETED, DIVERGED, FAILED, STOPPED_EARLY
}
