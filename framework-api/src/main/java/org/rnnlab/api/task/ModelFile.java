package org.rnnlab.api.task;

import java.nio.file.Path;
import java.util.Map;
import org.rnnlab.engine.Tensor;

/**
 * A saved model as read back: its file, metadata and tensors. The metadata keys {@link #FORMAT} and
 * {@link #TASK} are written by the runtime's model-file codec for every model; every other key is the
 * {@link Task}'s ({@link Task#modelMetadata}), and companion files ({@link Task#writeCompanions}) lie beside
 * {@link #path()}.
 *
 * @since 0.1
 */
public record ModelFile(Path path, Map<String, String> metadata, Map<String, Tensor> tensors) {
    /** The model format and its version, e.g. {@code rnnlab-sequence-model/1} ({@link Task#modelFormat()}). */
    public static final String FORMAT = "format";
    /** The {@link Task#fileTag()} of the task that trained the model. */
    public static final String TASK = "task";
    /** The model file's name in a variant's folder. */
    public static final String FILE_NAME = "model.safetensors";

    public ModelFile {
        metadata = Map.copyOf(metadata);
    }

    /** A companion file beside the model file. */
    public Path companion(String name) {
        return path.resolveSibling(name);
    }
}
