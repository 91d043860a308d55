package org.rnnlab.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.runtime.LocalVariantExecutor;

/**
 * What a member needs to train the variants it is given: the plugins ({@code registry}), an executor that
 * loads each dataset once, a scratch folder for the variants' files until they are sent back, and where to say
 * what it does.
 */
final class WorkerContext {
    private final LocalVariantExecutor executor;
    private final Path scratch;
    private final PrintWriter out;
    private final Traffic traffic = new Traffic();

    WorkerContext(ComponentRegistry registry, int slots, PrintWriter out) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.executor = new LocalVariantExecutor(registry, Math.max(1, cores / Math.max(1, slots)));
        this.out = out;
        try {
            this.scratch = Files.createTempDirectory("rnnlab-member-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the variants: " + e.getMessage(), e);
        }
    }

    LocalVariantExecutor executor() {
        return executor;
    }

    Path scratch() {
        return scratch;
    }

    Traffic traffic() {
        return traffic;
    }

    void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Removes the scratch folder (the member is leaving). */
    void close() {
        FolderFiles.deleteQuietly(scratch);
    }
}
