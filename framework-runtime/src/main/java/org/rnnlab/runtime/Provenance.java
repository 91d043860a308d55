package org.rnnlab.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnlab.api.RnnlabVersion;
import org.rnnlab.engine.kernel.Kernels;

/**
 * What a result depends on besides its settings: rnnlab's version, the JVM, the operating system and
 * architecture (floating point differs across them) and the kernels that did the arithmetic.
 */
final class Provenance {
    private Provenance() {}

    /** Flat {@code key -> value} pairs, as {@link org.rnnlab.api.event.ExperimentStarted} carries them. */
    static Map<String, String> collect(Instant started) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rnnlab.version", RnnlabVersion.current());
        p.put("started", started.toString());
        for (String key : new String[] {"java.version", "java.vendor", "java.vm.name", "java.vm.version",
                "os.name", "os.version", "os.arch"}) {
            p.put(key, System.getProperty(key, "unknown"));
        }
        p.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        try {
            Kernels k = Kernels.get();
            p.put("kernels.name", k.name());
            p.put("kernels.vector_bits", Integer.toString(k.vectorBits()));
            p.put("kernels.tile", k.tile());
        } catch (RuntimeException | LinkageError e) {
            // recorded rather than fatal: the trainers will fail with the real cause if kernels are missing
            p.put("kernels.name", "unavailable (" + ErrorText.of(e) + ")");
        }
        return p;
    }
}
