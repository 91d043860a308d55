package org.rnnlab.api.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's files go, kept by the runtime: checkpoints (written atomically; the newest complete one is
 * always readable) and the final model, written through the one model-file codec with the task's
 * metadata, so that {@code lab generate} and later commands can rebuild it.
 */
public interface RunStore {

    /** The variant's own folder. */
    Path directory();

    /** The newest complete checkpoint, if any. */
    Optional<Checkpoint> latestCheckpoint() throws IOException;

    /** Where {@code checkpoint} came from, for a message: its file, or "the checkpoint of epoch N". */
    default String describe(Checkpoint checkpoint) {
        return "the checkpoint of epoch " + checkpoint.epoch();
    }

    /** Writes a checkpoint and returns its file; older checkpoints are removed after it is safely written. */
    Path writeCheckpoint(Checkpoint checkpoint) throws IOException;

    /** Writes the model in its current state as the run's model file (and companions); returns the model file. */
    Path saveModel() throws IOException;
}
