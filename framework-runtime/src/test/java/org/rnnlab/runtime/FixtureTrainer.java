package org.rnnlab.runtime;

import java.util.Map;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.api.train.Trainer;
import org.rnnlab.api.train.TrainerFactory;

/** A trainer factory for tests; its trainer runs {@code body}. */
record FixtureTrainer(String id, String description, Trainer body) implements TrainerFactory {

    static FixtureTrainer completing(String id) {
        return new FixtureTrainer(id, "completes at once", run -> new RunResult(RunStatus.COMPLETED, Map.of(), Map.of()));
    }

    @Override
    public Trainer create() {
        return body;
    }
}
