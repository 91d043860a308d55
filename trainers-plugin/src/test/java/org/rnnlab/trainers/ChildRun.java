package org.rnnlab.trainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.engine.kernel.KernelThreads;

/**
 * A run in a JVM of its own, for the fresh-JVM tests: {@code ChildRun <runDir> <trainer> <resume> key=value...}.
 * Writes every epoch's metrics (not timings) to {@code <runDir>/metrics.txt}, and to standard output one
 * line per batch and checkpoint so the parent can kill it at a chosen moment. With
 * {@code -Dchild.batchDelayMillis=n} it sleeps after every batch, so that a kill lands inside an epoch;
 * with {@code -Dchild.kernelThreads=n} the kernels of the training thread use {@code n} threads.
 */
public final class ChildRun {
    private ChildRun() {}

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        String trainer = args[1];
        boolean resume = Boolean.parseBoolean(args[2]);
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        long delay = Long.getLong("child.batchDelayMillis", 0);
        List<String> lines = new ArrayList<>();
        RecordingBus bus = new RecordingBus(e -> {
            switch (e) {
                case BatchCompleted b -> {
                    System.out.println("batch " + b.epoch() + " " + b.batch());
                    sleep(delay);
                }
                case Checkpointed c -> System.out.println("checkpoint " + c.epoch());
                case EpochCompleted ec -> lines.add(ec.epoch() + " " + new java.util.TreeMap<>(ec.metrics()));
                default -> { }
            }
            System.out.flush();
        });
        KernelThreads.use(Integer.getInteger("child.kernelThreads", 1));
        RunResult r = TrainerTest.train(trainer, settings, runDir, bus, resume);
        lines.add("final " + r.status() + " " + new java.util.TreeMap<>(r.finalMetrics()));
        Files.write(runDir.resolve(resume ? "metrics-resumed.txt" : "metrics.txt"), lines);
        System.out.println("done");
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
