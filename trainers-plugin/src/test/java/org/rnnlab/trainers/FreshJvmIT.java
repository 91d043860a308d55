package org.rnnlab.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, must show 2 and 3 with real processes: the same settings and seed in two fresh JVMs give
 * byte-identical model files and identical metrics; a run killed with SIGKILL in the middle of epoch 3
 * of 5 and resumed ends byte-identical to an uninterrupted run.
 */
class FreshJvmIT {
    @TempDir
    Path dir;

    private static List<String> settings() {
        List<String> s = new ArrayList<>();
        TrainerTest.adding("lstm", 5).forEach((k, v) -> s.add(k + "=" + v));
        s.sort(null);
        return s;
    }

    private Process start(Path runDir, boolean resume, long delayMillis) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-Dchild.batchDelayMillis=" + delayMillis);
        // The children choose their kernels as any run does (vector where available), unless the test
        // JVM was told which to use.
        String kernels = System.getProperty("rnnlab.kernels");
        if (kernels != null) {
            cmd.add("-Drnnlab.kernels=" + kernels);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildRun.class.getName());
        cmd.add(runDir.toString());
        cmd.add("bptt");
        cmd.add(Boolean.toString(resume));
        cmd.addAll(settings());
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private void runToEnd(Path runDir, boolean resume) throws Exception {
        Process p = start(runDir, resume, 0);
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(p.exitValue()).as("child exit code").isZero();
    }

    @Test
    void twoFreshJvmsGiveByteIdenticalModelsAndMetrics() throws Exception {
        runToEnd(dir.resolve("a"), false);
        runToEnd(dir.resolve("b"), false);
        assertThat(Files.readAllBytes(dir.resolve("b/model.safetensors")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/model.safetensors")));
        assertThat(Files.readAllLines(dir.resolve("b/metrics.txt"))).isEqualTo(Files.readAllLines(dir.resolve("a/metrics.txt")));
    }

    @Test
    void sigkillInEpochThreeThenResumeEqualsAnUninterruptedRun() throws Exception {
        runToEnd(dir.resolve("whole"), false);
        Path killed = dir.resolve("killed");
        Process p = start(killed, false, 20);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("batch 3 2")) {
                    p.toHandle().destroyForcibly(); // SIGKILL on Unix
                    break;
                }
            }
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed, not finished").isNotZero();
        assertThat(killed.resolve("model.safetensors")).doesNotExist();
        runToEnd(killed, true);
        assertThat(Files.readAllBytes(killed.resolve("model.safetensors")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole/model.safetensors")));
        List<String> whole = Files.readAllLines(dir.resolve("whole/metrics.txt"));
        List<String> resumed = Files.readAllLines(killed.resolve("metrics-resumed.txt"));
        assertThat(resumed).isEqualTo(whole.subList(2, whole.size()));
        assertThat(Map.of("epochs resumed", resumed.size())).containsEntry("epochs resumed", 4);
    }
}
