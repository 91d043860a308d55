package org.rnnlab.runtime;

import org.rnnlab.api.event.EventBus;

/**
 * Where the {@link ExperimentRunner}'s variants train: threads of this JVM ({@link LocalVariantExecutor}, the
 * default) or the members of a cluster ({@link ClusterLauncher}).
 *
 * <p>Contract: {@link #run} trains one variant and returns only when it ended; by then every event of the run
 * was published on {@code bus}, in the order the trainer published it, and the variant's folder
 * ({@link VariantJob#folderPath()}) holds the files a local run leaves there (model file, checkpoints,
 * {@code error.txt} of a failure). A variant's own failure is an outcome, never an exception. {@code run} is
 * called from up to {@link #atOnce} threads at a time, each with a different variant.
 */
public interface VariantExecutor {
    /** How many variants the runner hands over at once, given {@code --threads} and the number left to run. */
    int atOnce(int threads, int variants);

    /** Trains {@code job}'s variant (see the class comment). */
    VariantOutcome run(VariantJob job, EventBus bus);
}
