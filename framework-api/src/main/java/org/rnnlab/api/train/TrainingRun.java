package org.rnnlab.api.train;

import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;

/**
 * Everything a {@link Trainer} needs for one variant, prepared by the runtime: who it is, its settings and
 * seed, the task with its encoded data and its freshly initialised model, the optimiser, the store for
 * checkpoints and the final model, the bus, and whether to resume from the store's last checkpoint.
 */
public record TrainingRun(String experiment, String variant, Settings settings, long seed, Task task, TaskData data,
                          TaskModel model, Optimizer optimizer, RunStore store, EventBus bus, boolean resume) {}
