package org.rnnlab.api.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.engine.Tensor;

/**
 * The state of a run after {@code epoch} completed epochs, as a trainer writes it to its {@link RunStore}:
 * named tensors (model parameters under {@code model/}, optimiser state under {@code optimizer/}) and
 * string metadata (step count, seed, early-stopping state, best metrics).
 */
public record Checkpoint(int epoch, Map<String, String> metadata, Map<String, Tensor> tensors) {
    public Checkpoint {
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** The tensors whose names start with {@code prefix/}, with the prefix removed. */
    public Map<String, Tensor> under(String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        String p = prefix + "/";
        tensors.forEach((k, v) -> {
            if (k.startsWith(p)) {
                out.put(k.substring(p.length()), v);
            }
        });
        return out;
    }
}
