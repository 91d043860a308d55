package org.rnnlab.trainers;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.engine.Tensor;

/**
 * The sizes a sequence model file's metadata gives (read by {@link SequenceModelFile}) checked against the
 * tensors it holds, before a model is built from them: a file claiming a million layers or 12,000 hidden units beside the tensors of a small model would
 * otherwise make the model first and run out of memory. Relies on the PyTorch names rnnlab writes
 * ({@code weight_ih_l0}..., {@code head.weight} of shape {@code [outputs, hidden]}, {@code embedding.weight}
 * of shape {@code [input, embedding]}); each problem is an {@link RnnlabException} of one line naming the file.
 */
final class ModelFileCheck {
    private static final Pattern LAYER = Pattern.compile(".*_l(\\d{1,9})$");

    private ModelFileCheck() {}

    /**
     * Before building: layers, hidden, outputs and embedding agree with the tensors, and the model fits the heap.
     * {@code directions} is 2 for a bidirectional model, whose head reads both directions' outputs.
     */
    static void beforeBuilding(Path file, int layers, int hidden, int directions, java.util.OptionalInt outputs, int embedding,
                               Map<String, Tensor> tensors, long freeHeapBytes) {
        Set<Integer> found = new TreeSet<>();
        for (String name : tensors.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.matches()) {
                found.add(Integer.parseInt(m.group(1)));
            }
        }
        int held = found.size();
        // distinct indices from 0: as many as the largest plus one
        if (held != layers || (held > 0 && ((TreeSet<Integer>) found).last() != held - 1)) {
            throw new RnnlabException(file + ": its metadata says layers=" + layers + " but it holds the tensors of "
                    + (found.isEmpty() ? "no layer" : "layers " + found) + "; not building a model from it");
        }
        Tensor head = tensors.get("head.weight");
        if (head == null || head.shape().length != 2) {
            throw new RnnlabException(file + ": it has no head.weight of rank 2, so its hidden size cannot be checked");
        }
        if (head.shape()[1] != hidden * directions) {
            throw new RnnlabException(file + ": its metadata says hidden=" + hidden + (directions == 2 ? " in both directions" : "")
                    + " but head.weight has shape " + java.util.Arrays.toString(head.shape()) + " (hidden "
                    + head.shape()[1] / directions + "); not building a model from it");
        }
        if (outputs.isPresent() && head.shape()[0] != outputs.getAsInt()) {
            throw new RnnlabException(file + ": its metadata says outputs=" + outputs.getAsInt() + " but head.weight has "
                    + head.shape()[0] + " rows");
        }
        Tensor table = tensors.get("embedding.weight");
        int tableWidth = table == null || table.shape().length != 2 ? 0 : table.shape()[1];
        if (embedding != tableWidth) {
            throw new RnnlabException(file + ": its metadata says embedding=" + embedding + " but "
                    + (table == null ? "it has no embedding.weight" : "embedding.weight has shape " + java.util.Arrays.toString(table.shape())));
        }
        long floats = tensors.values().stream().mapToLong(Tensor::size).sum();
        // the model holds a value and a gradient per weight, beside the tensors already read
        long needed = 2 * Float.BYTES * floats;
        if (needed > freeHeapBytes) {
            throw new RnnlabException(String.format(java.util.Locale.ROOT,
                    "%s: the model needs about %.1f MB but only %.1f MB of heap are free (raise -Xmx in RNNLAB_JAVA_OPTS)",
                    file, needed / 1e6, Math.max(0, freeHeapBytes) / 1e6));
        }
    }

    /** After building: the file holds no tensor the model lacks (one it lacks is refused by the model's load). */
    static void sameTensors(Path file, Set<String> modelNames, Set<String> fileNames) {
        Set<String> extra = new TreeSet<>(fileNames);
        extra.removeAll(modelNames);
        if (!extra.isEmpty()) {
            throw new RnnlabException(file + " holds tensors the model its metadata describes does not have: "
                    + String.join(", ", extra.stream().map(n -> "'" + n.replaceAll("\\R", " ") + "'").toList()));
        }
    }
}
