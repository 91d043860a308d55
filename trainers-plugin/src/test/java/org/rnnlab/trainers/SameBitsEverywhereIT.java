package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.kernel.Kernels;

/**
 * Issue 16, the same bits everywhere: one small training run (an LSTM classifier of 96 units on the
 * order task, word tokens, embedding, softmax cross-entropy, clipping, Adam, gradient-flow norms) in a
 * fresh JVM per kernel configuration gives byte-identical model files and identical metrics under the
 * scalar reference kernels, the vector kernels at 512 (where the CPU has it), 256 and 128 bits, both
 * register tiles, and one or two kernel threads. The sizes are chosen so that the recurrent products
 * are large enough to be split over two threads.
 */
class SameBitsEverywhereIT {
    @TempDir
    Path dir;

    private static List<String> settings() {
        Map<String, String> s = new TreeMap<>(Map.of("dataset", "order", "dataset.length", "6", "dataset.count", "96",
                "dataset.validation", "32", "dataset.test", "0", "tokenizer", "word", "cell", "lstm", "hidden", "192",
                "epochs", "2", "batch", "32"));
        // 32 rows and 32 x 4*192 x 192 = 4.7 M multiply-adds a time step: with two threads the passes through
        // time are split too (by rows, and by units where the step norms are recorded), not only the large products
        s.put("embedding", "16");
        s.put("clip", "1");
        List<String> out = new ArrayList<>();
        s.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    /** Configuration name to the JVM options that force it. */
    private static Map<String, List<String>> configurations() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        // this JVM's kernels run at the preferred width unless told otherwise
        int preferred = Kernels.get().name().equals("vector") ? Kernels.get().vectorBits() : 256;
        c.put("vector-" + preferred + "-default-tile-1-thread", List.of());
        c.put("scalar", List.of("-Drnnlab.kernels=scalar"));
        for (int bits : new int[] {256, 128}) {
            if (bits < preferred) {
                c.put("vector-" + bits, List.of("-Drnnlab.kernels=vector", "-Drnnlab.vectorBits=" + bits));
            }
        }
        c.put("tile-4x3", List.of("-Drnnlab.kernels=vector", "-Drnnlab.gemm.tile=4x3"));
        c.put("tile-8x3", List.of("-Drnnlab.kernels=vector", "-Drnnlab.gemm.tile=8x3"));
        c.put("2-threads", List.of("-Drnnlab.kernels=vector", "-Dchild.kernelThreads=2"));
        c.put("2-threads-4x3-128", List.of("-Drnnlab.kernels=vector", "-Dchild.kernelThreads=2",
                "-Drnnlab.gemm.tile=4x3", "-Drnnlab.vectorBits=128"));
        return c;
    }

    private Process start(Path runDir, List<String> options) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(options);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildRun.class.getName());
        cmd.add(runDir.toString());
        cmd.add("bptt");
        cmd.add("false");
        cmd.addAll(settings());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(runDir.resolveSibling(
                runDir.getFileName() + ".log").toFile()).start();
    }

    @Test
    void everyKernelConfigurationTrainsTheSameModelBitForBit() throws Exception {
        Map<String, List<String>> configurations = configurations();
        Map<String, Process> running = new LinkedHashMap<>();
        // two at a time: the children are independent, and the machine has at least two cores as a rule
        List<String> names = new ArrayList<>(configurations.keySet());
        for (int i = 0; i < names.size(); i += 2) {
            for (String name : names.subList(i, Math.min(names.size(), i + 2))) {
                Path runDir = dir.resolve(name);
                Files.createDirectories(runDir);
                running.put(name, start(runDir, configurations.get(name)));
            }
            for (String name : names.subList(i, Math.min(names.size(), i + 2))) {
                Process p = running.get(name);
                assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("child %s finished", name).isTrue();
                assertThat(p.exitValue()).as("child %s exit code; its output:%n%s", name,
                        Files.readString(dir.resolve(name + ".log"))).isZero();
            }
        }
        String reference = names.getFirst();
        byte[] model = Files.readAllBytes(dir.resolve(reference).resolve("model.safetensors"));
        List<String> metrics = Files.readAllLines(dir.resolve(reference).resolve("metrics.txt"));
        assertThat(metrics).hasSizeGreaterThanOrEqualTo(3);
        for (String name : names.subList(1, names.size())) {
            assertThat(Files.readAllBytes(dir.resolve(name).resolve("model.safetensors")))
                    .as("model file of %s against %s", name, reference).isEqualTo(model);
            assertThat(Files.readAllLines(dir.resolve(name).resolve("metrics.txt")))
                    .as("metrics of %s against %s", name, reference).isEqualTo(metrics);
        }
    }
}
