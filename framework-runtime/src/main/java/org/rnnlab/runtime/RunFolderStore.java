package org.rnnlab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.train.Checkpoint;
import org.rnnlab.api.train.RunStore;

/**
 * A variant's folder as a {@link RunStore}: checkpoints in {@code checkpoint/} ({@link CheckpointStore}),
 * the final model through {@link ModelFileCodec}.
 */
final class RunFolderStore implements RunStore {
    static final String CHECKPOINT_FOLDER = "checkpoint";

    private final Path directory;
    private final CheckpointStore checkpoints;
    private final Task task;
    private final TaskData data;
    private final TaskModel model;

    RunFolderStore(Path directory, Task task, TaskData data, TaskModel model) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.checkpoints = new CheckpointStore(directory.resolve(CHECKPOINT_FOLDER));
        this.task = task;
        this.data = data;
        this.model = model;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() throws IOException {
        return checkpoints.latest();
    }

    @Override
    public String describe(Checkpoint checkpoint) {
        return "checkpoint " + checkpoints.file(checkpoint.epoch());
    }

    @Override
    public Path writeCheckpoint(Checkpoint checkpoint) throws IOException {
        return checkpoints.write(checkpoint);
    }

    @Override
    public Path saveModel() throws IOException {
        return ModelFileCodec.write(directory, task, data, model);
    }
}
