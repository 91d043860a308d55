package org.rnnlab.runtime;

import java.nio.file.Path;
import org.rnnlab.api.experiment.FileNames;
import org.rnnlab.api.experiment.Variant;

/**
 * One variant of a run, handed by the {@link ExperimentRunner} to a {@link VariantExecutor}.
 *
 * @param experiment   the experiment's id
 * @param variant      the variant, with its settings and seed
 * @param runDirectory the run's folder on the machine that runs the experiment
 * @param folder       the variant's folder name inside {@code runDirectory}
 * @param resume       whether the variant continues from its last complete checkpoint ({@code lab run --resume})
 */
public record VariantJob(String experiment, Variant variant, Path runDirectory, String folder, boolean resume) {
    /** The variant's folder in the run's folder. */
    public Path folderPath() {
        return FileNames.inside(runDirectory, folder);
    }
}
