package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskModel;

/**
 * Writes an epoch's samples as files into the variant's folder ({@link Samples#file}) when the task writes
 * files of its samples (MIDI for music), so the folder holds the latest epoch's samples to play.
 */
final class SampleFiles {
    private SampleFiles() {}

    static void write(Task task, TaskModel model, List<String> samples, Path variantFolder) {
        String type = task.sampleFileType();
        if (type.isEmpty()) {
            return;
        }
        for (int i = 0; i < samples.size(); i++) {
            Path file = variantFolder.resolve(Samples.file(i, type));
            try {
                Files.createDirectories(file.getParent());
                task.writeSample(model, samples.get(i), file);
            } catch (IOException e) {
                throw new RnnlabException("cannot write sample file " + file + ": " + e, e);
            } catch (IllegalArgumentException e) {
                throw new RnnlabException("task '" + task.id() + "' drew sample " + (i + 1) + " that it cannot write as "
                        + file + ": " + e.getMessage(), e);
            }
        }
    }
}
