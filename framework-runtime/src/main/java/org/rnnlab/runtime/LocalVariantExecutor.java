package org.rnnlab.runtime;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.engine.kernel.KernelThreads;

/**
 * Trains variants on the calling thread, each prepared by a {@link VariantPipeline} from one
 * {@link DatasetCache}: what the runner does without a cluster, and what each cluster member does with the
 * variants it is given. The cores the variants side by side leave over go to each variant's kernels
 * ({@code threads / at once}; same bits either way, see {@link KernelThreads}).
 */
public final class LocalVariantExecutor implements VariantExecutor {
    private final VariantPipeline pipeline;
    private final int kernelThreads;

    /**
     * An executor with a dataset cache of its own (a cluster member, which loads each dataset once), whose
     * variants' kernels use {@code kernelThreads} threads each.
     */
    public LocalVariantExecutor(ComponentRegistry registry, int kernelThreads) {
        this(registry, new DatasetCache(registry), kernelThreads);
    }

    LocalVariantExecutor(ComponentRegistry registry, DatasetCache datasets, int kernelThreads) {
        this.pipeline = new VariantPipeline(registry, datasets);
        this.kernelThreads = Math.max(1, kernelThreads);
    }

    @Override
    public int atOnce(int threads, int variants) {
        return Math.min(threads, Math.max(1, variants));
    }

    @Override
    public VariantOutcome run(VariantJob job, EventBus bus) {
        KernelThreads.use(kernelThreads);
        try {
            return train(job, bus);
        } finally {
            KernelThreads.use(1);
        }
    }

    private VariantOutcome train(VariantJob job, EventBus bus) {
        Path folder = job.folderPath();
        try {
            Files.createDirectories(folder);
            RunResult result = pipeline.run(job.experiment(), job.variant(), folder, bus, job.resume());
            return new VariantOutcome(result.status(), Optional.empty(), List.of());
        } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
            String message = ErrorText.of(e);
            List<String> writeFailures = new ArrayList<>();
            writeStackTrace(folder, e).ifPresent(writeFailures::add);
            bus.publish(new RunFailed(job.experiment(), job.variant().name(), message));
            return new VariantOutcome(RunStatus.FAILED, Optional.of(message), writeFailures);
        }
    }

    /**
     * Writes {@code e}'s stack trace to {@code <folder>/error.txt} whole or not at all (a full disk leaves no
     * empty or partial file); returns the one-line reason when it could not.
     */
    private static Optional<String> writeStackTrace(Path folder, Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        Path file = folder.resolve("error.txt");
        Path tmp = folder.resolve(".error.txt.tmp");
        try {
            Files.createDirectories(folder);
            Files.writeString(tmp, text.toString());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException io) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the folder is gone or unwritable: the write's own error says more
            }
            return Optional.of("cannot write " + file + ": " + ErrorText.of(io));
        }
    }
}
