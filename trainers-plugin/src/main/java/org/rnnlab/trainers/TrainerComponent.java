package org.rnnlab.trainers;

import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.api.train.Trainer;
import org.rnnlab.api.train.TrainerFactory;

/** The {@code bptt} and {@code tbptt} trainers. */
record TrainerComponent(String id, String description, boolean truncated) implements TrainerFactory {

    static final TrainerComponent BPTT = new TrainerComponent("bptt",
            "back-propagation through time over whole sequences", false);
    static final TrainerComponent TBPTT = new TrainerComponent("tbptt",
            "truncated back-propagation through time: chunks of tbptt.k steps, state carried and detached", true);

    @Override
    public SettingsSchema settings() {
        return RunSettings.schema(id, truncated);
    }

    @Override
    public Trainer create() {
        return new BpttTrainer(truncated);
    }
}
