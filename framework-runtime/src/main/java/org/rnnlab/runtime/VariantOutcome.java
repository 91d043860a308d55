package org.rnnlab.runtime;

import java.util.List;
import java.util.Optional;
import org.rnnlab.api.event.RunStatus;

/**
 * How a variant ended.
 *
 * @param status        its status ({@link RunStatus#FAILED} when its preparation or trainer threw)
 * @param failure       for a failed variant, the one-line reason
 * @param writeFailures files that could not be written, one line each (the run goes on and reports them)
 */
public record VariantOutcome(RunStatus status, Optional<String> failure, List<String> writeFailures) {
    public VariantOutcome {
        failure = failure == null ? Optional.empty() : failure;
        writeFailures = List.copyOf(writeFailures);
    }
}
