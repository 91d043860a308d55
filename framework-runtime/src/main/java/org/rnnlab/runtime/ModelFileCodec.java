package org.rnnlab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.engine.Safetensors;

/**
 * The one model-file format: safetensors with the weights in parameter order and a metadata map that
 * starts with {@link ModelFile#FORMAT} and {@link ModelFile#TASK} (written here) followed by the task's
 * own entries ({@link Task#modelMetadata}); companion files (a vocabulary) lie beside it. Reading finds
 * the task by its {@link Task#fileTag()}, and the task rebuilds the model, so {@code lab generate} (and a
 * later {@code lab tag} or {@code lab translate}) never parses a task's keys itself.
 */
public final class ModelFileCodec {
    private ModelFileCodec() {}

    /** A model file as read, with the task that wrote it. */
    public record Saved(ModelFile file, Task task) {
        /** The model the file holds, rebuilt by its task with the registry's components. */
        public TaskModel rebuild(ComponentRegistry registry) {
            return task.rebuild(file, registry);
        }
    }

    /** Writes {@code model} as {@code folder/model.safetensors} (replaced atomically) and the task's companions. */
    public static Path write(Path folder, Task task, TaskData data, TaskModel model) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelFile.FORMAT, task.modelFormat());
        meta.put(ModelFile.TASK, task.fileTag());
        task.modelMetadata(data, model).forEach((k, v) -> {
            if (meta.putIfAbsent(k, v) != null) {
                throw new IllegalStateException("task '" + task.id() + "' writes the model-file key '" + k
                        + "', which the codec owns");
            }
        });
        Path target = folder.resolve(ModelFile.FILE_NAME);
        Path temporary = folder.resolve(ModelFile.FILE_NAME + ".tmp");
        try {
            Safetensors.write(temporary, model.namedValues(), meta);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the folder itself is unwritable: the write's own error says more
            }
            throw new IOException("cannot write " + target + ": " + ErrorText.of(e), e);
        }
        try {
            task.writeCompanions(data, folder);
        } catch (IOException e) {
            throw new IOException("cannot write the companions of " + target + " in " + folder + ": " + ErrorText.of(e), e);
        }
        return target;
    }

    /**
     * Reads a model file and finds its task; a missing file, a file that is not safetensors, one without
     * the codec's keys, or one whose task no loaded plugin provides is an {@link RnnlabException} naming it.
     */
    public static Saved read(Path modelFile, ComponentRegistry registry) {
        Path file = modelFile.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new RnnlabException(file + " is a directory, not a model file");
        }
        if (!Files.isRegularFile(file)) {
            throw new RnnlabException("model file not found: " + file);
        }
        Safetensors.Contents contents;
        try {
            contents = Safetensors.read(file);
        } catch (IOException | RuntimeException e) {
            // the reader's message names the file and the problem in one line
            throw new RnnlabException(e.getMessage(), e);
        }
        Map<String, String> meta = contents.metadata();
        if (!meta.containsKey(ModelFile.TASK)) {
            throw new RnnlabException(file + " is not an rnnlab model: its metadata has no '" + ModelFile.TASK
                    + "' (present: " + new TreeMap<>(meta).keySet() + ")");
        }
        String tag = meta.get(ModelFile.TASK);
        List<Task> tasks = registry.all(ComponentKind.TASK);
        Task task = tasks.stream().filter(t -> t.fileTag().equals(tag)).findFirst()
                .orElseThrow(() -> new RnnlabException(file + " was written by the task '" + tag
                        + "', which no loaded plugin provides (tasks: "
                        + String.join(", ", tasks.stream().map(Task::fileTag).toList()) + ")"));
        return new Saved(new ModelFile(file, meta, contents.tensors()), task);
    }
}
