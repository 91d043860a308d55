package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on the real application in three JVMs on the loopback address: a coordinator ({@code lab run
 * --cluster}) and two workers ({@code lab worker}) train an 8-variant sweep of 4 epochs; one worker is killed
 * with SIGKILL once its variant's second checkpoint reached the coordinator (so the first one is in the
 * replicated map: a member announces a checkpoint before it shares it), and the variant goes on on another
 * member from a checkpoint. The
 * run folder must equal a single-machine run of the same sweep byte for byte in every file training writes
 * (model, vocabulary, samples, gradients, checkpoint) and in metrics.csv without its {@code time.*} columns;
 * left out, because they differ between any two runs by nature: the timings (time.* columns, summary.csv's
 * wall time), experiment.json's provenance and the reports that print them. A coordinator killed mid-sweep is
 * resumed with {@code lab run --resume RUN_DIR --cluster} to the same bits. A member with the wrong secret or
 * cluster name is refused, and both sides log it.
 */
class ClusterIT {
    private static final String VARIANT_PATTERN = "training dinosaurs (\\w+)";
    private static final String[] SWEEP = {"dinosaurs", "--threads", "1", "--seeds", "4", "--set", "cell=lstm,gru",
            "--set", "epochs=4", "--set", "hidden=16", "--set", "embedding=16", "--set", "samples=3"};
    private static final List<String> VARIANTS = List.of("gru_s1", "gru_s2", "gru_s3", "gru_s4", "lstm_s1", "lstm_s2",
            "lstm_s3", "lstm_s4");
    private static final List<String> SAME_BYTES = List.of("model.safetensors", "vocabulary.txt", "samples.csv",
            "gradients.csv", "checkpoint/epoch-0004.ckpt");
    private static final long SECONDS = 150;

    @TempDir
    static Path shared;
    private static Path single;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void sweepOnThreeMembersWithOneKilledEqualsTheSingleMachineRun(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret"), "a shared secret\n");
        int[] ports = freePorts(3);
        String coordinatorAddress = "127.0.0.1:" + ports[0];
        List<Process> started = new ArrayList<>();
        try {
            Process coordinator = start(started, tmp.resolve("coordinator"), concat(new String[] {"run"}, SWEEP,
                    new String[] {"--out", tmp.resolve("cluster").toString(), "--cluster", "--port", "" + ports[0],
                            "--secret-file", secret.toString()}));
            Process killed = start(started, tmp.resolve("worker1"), worker(ports[1], coordinatorAddress, secret));
            Process survivor = start(started, tmp.resolve("worker2"), worker(ports[2], coordinatorAddress, secret));

            String variant = awaitMatch(tmp.resolve("worker1.out"), VARIANT_PATTERN, killed);
            awaitCheckpoint(tmp.resolve("cluster"), variant, 2, coordinator);
            killed.destroyForcibly(); // SIGKILL: no goodbye to the cluster
            assertThat(killed.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(tmp.resolve("worker1.out"))).as("killed while it trained")
                    .doesNotContain("COMPLETED dinosaurs " + variant);

            assertThat(coordinator.waitFor(SECONDS, TimeUnit.SECONDS)).as(log(tmp, "coordinator")).isTrue();
            String out = Files.readString(tmp.resolve("coordinator.out"));
            assertThat(coordinator.exitValue()).as(out + log(tmp, "coordinator")).isZero();
            VARIANTS.forEach(v -> assertThat(out).contains("COMPLETED " + v));
            assertThat(Files.readString(tmp.resolve("coordinator.err")))
                    .containsPattern("left while it trained " + variant + "; it goes on on another member from its "
                            + "checkpoint of epoch \\d");
            assertThat(out).containsPattern("cluster traffic: 8 variants \\(1 restarted\\)");
            survivor.destroy();

            Path clustered = runDirectory(out);
            assertSameAsSingleMachine(clustered);
            // every epoch reached the event log once, also the killed variant's
            List<String> events = Files.readAllLines(clustered.resolve("events.jsonl"));
            for (String v : VARIANTS) {
                String of = "\"variant\":\"" + v + "\"";
                assertThat(events.stream().filter(l -> l.contains("\"EpochCompleted\"") && l.contains(of)))
                        .as("epochs of " + v).hasSize(4);
                assertThat(events.stream().filter(l -> l.contains("\"RunStarted\"") && l.contains(of))).hasSize(1);
                assertThat(events.stream().filter(l -> l.contains("\"BatchCompleted\"") && l.contains(of)).distinct())
                        .as("no batch twice").hasSameSizeAs(events.stream()
                                .filter(l -> l.contains("\"BatchCompleted\"") && l.contains(of)).toList());
            }
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aKilledCoordinatorsRunResumedOnTheClusterEqualsTheSingleMachineRun(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret"), "another secret");
        int[] ports = freePorts(2);
        String workerAddress = "127.0.0.1:" + ports[0];
        List<Process> started = new ArrayList<>();
        try {
            Process worker = start(started, tmp.resolve("worker"), worker(ports[0], null, secret));
            awaitMatch(tmp.resolve("worker.out"), "lab worker: member", worker);
            String[] cluster = {"--cluster", "--port", "" + ports[1], "--join", workerAddress, "--secret-file",
                    secret.toString()};
            Process coordinator = start(started, tmp.resolve("coordinator"), concat(new String[] {"run"}, SWEEP,
                    new String[] {"--out", tmp.resolve("cluster").toString()}, cluster));
            Path run = awaitRunsCompleted(tmp.resolve("cluster"), 3, coordinator);
            coordinator.destroyForcibly();
            assertThat(coordinator.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(run.resolve("events.jsonl"))).doesNotContain("\"ExperimentCompleted\"");

            LabProcess.Result resumed = LabProcess.run(command(concat(new String[] {"run", "dinosaurs", "--resume",
                    run.toString(), "--threads", "1"}, cluster)), Map.of(), tmp);
            assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
            VARIANTS.forEach(v -> assertThat(resumed.out()).contains("COMPLETED " + v));
            // the variants that had ended and were recorded are kept; the others (at least the 5 not yet completed) train
            assertThat(resumed.out()).containsPattern("cluster traffic: [5-7] variants");
            assertSameAsSingleMachine(run);
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aMemberWithAnotherSecretOrClusterNameIsRefusedAndBothSidesSaySo(@TempDir Path tmp) throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret"), "the secret");
        Path wrong = Files.writeString(tmp.resolve("wrong"), "not the secret");
        int[] ports = freePorts(3);
        String first = "127.0.0.1:" + ports[0];
        List<Process> started = new ArrayList<>();
        try {
            Process member = start(started, tmp.resolve("first"), worker(ports[0], null, secret));
            awaitMatch(tmp.resolve("first.out"), "lab worker: member", member);

            LabProcess.Result stranger = LabProcess.run(command(worker(ports[1], first, wrong)), Map.of(), tmp);
            assertThat(stranger.exit()).as(stranger.out() + stranger.err()).isEqualTo(2);
            assertThat(stranger.err()).contains("lab: refused by the member at " + first
                    + ": it belongs to another cluster, or the cluster name ('rnnlab') or the shared secret differ");

            LabProcess.Result otherName = LabProcess.run(command(concat(worker(ports[2], first, secret),
                    new String[] {"--cluster-name", "other"})), Map.of(), tmp);
            assertThat(otherName.exit()).as(otherName.out() + otherName.err()).isEqualTo(2);
            assertThat(otherName.err()).contains("lab: refused by the member at " + first);

            String refusing = Files.readString(tmp.resolve("first.err"));
            assertThat(refusing).contains("Received an invalid join request from [127.0.0.1]:" + ports[1]
                    + ", cause: members part of different cluster");
            assertThat(Files.readString(tmp.resolve("first.out"))).doesNotContain("training");
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    private static String[] worker(int port, String join, Path secret) {
        List<String> args = new ArrayList<>(List.of("worker", "--threads", "1", "--port", "" + port, "--secret-file",
                secret.toString()));
        if (join != null) {
            args.addAll(List.of("--join", join));
        }
        return args.toArray(String[]::new);
    }

    /** The lab's command line with the JVM options the lab script adds for lab worker and --cluster. */
    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(LabProcess.java(), "-Dguice_bytecode_gen_option=DISABLED",
                "--add-modules", "jdk.incubator.vector", "--add-modules", "java.se,jdk.unsupported",
                "--sun-misc-unsafe-memory-access=allow", "-p", LabProcess.modulePath(),
                "-m", "org.rnnlab.experiments/org.rnnlab.experiments.cli.Lab"));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Starts a member whose output goes to {@code <name>.out} and {@code <name>.err}. */
    private static Process start(List<Process> started, Path name, String... args) throws IOException {
        Process p = new ProcessBuilder(command(args)).redirectOutput(Path.of(name + ".out").toFile())
                .redirectError(Path.of(name + ".err").toFile()).start();
        started.add(p);
        return p;
    }

    private static String awaitMatch(Path file, String pattern, Process p) throws Exception {
        Pattern regex = Pattern.compile(pattern);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher m = regex.matcher(Files.exists(file) ? Files.readString(file) : "");
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            assertThat(p.isAlive()).as(file + " ended: " + Files.readString(Path.of(file.toString().replace(".out", ".err"))))
                    .isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + pattern + "' in " + file + " within " + SECONDS + " s");
    }

    /** Every file training writes the same bytes as the single-machine run's, metrics without timings. */
    private static void assertSameAsSingleMachine(Path clustered) throws Exception {
        Path single = singleMachineRun();
        for (String v : VARIANTS) {
            for (String file : SAME_BYTES) {
                assertThat(Files.readAllBytes(clustered.resolve(v).resolve(file))).as(v + "/" + file)
                        .isEqualTo(Files.readAllBytes(single.resolve(v).resolve(file)));
            }
            assertThat(ResumeIT.withoutTimings(clustered.resolve(v).resolve("metrics.csv"))).as(v + "/metrics.csv")
                    .hasSize(5).isEqualTo(ResumeIT.withoutTimings(single.resolve(v).resolve("metrics.csv")));
            try (Stream<Path> files = Files.list(clustered.resolve(v).resolve("checkpoint"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("epoch-0004.ckpt");
            }
        }
        String report = Files.readString(clustered.resolve("comparison.html"));
        VARIANTS.forEach(v -> assertThat(report).contains(v));
    }

    /** Waits until the coordinator's event log holds the variant's checkpoint of {@code epoch}. */
    private static void awaitCheckpoint(Path out, String variant, int epoch, Process coordinator) throws Exception {
        awaitLog(out, lines -> lines.stream().anyMatch(l -> l.contains("\"Checkpointed\"")
                && l.contains("\"variant\":\"" + variant + "\"") && l.contains("\"epoch\":" + epoch + ",")),
                "checkpoint " + epoch + " of " + variant, coordinator);
    }

    /** Waits until {@code n} variants completed in the run's event log; returns the run folder. */
    private static Path awaitRunsCompleted(Path out, int n, Process coordinator) throws Exception {
        return awaitLog(out, lines -> lines.stream().filter(l -> l.contains("\"RunCompleted\"")).count() >= n,
                n + " variants completed", coordinator);
    }

    /** Waits until the event log of the run under {@code out} shows {@code what}; returns the run folder. */
    private static Path awaitLog(Path out, java.util.function.Predicate<List<String>> shows, String what,
                                 Process coordinator) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (System.nanoTime() < deadline) {
            Path experiment = out.resolve("dinosaurs");
            if (Files.isDirectory(experiment)) {
                try (Stream<Path> runs = Files.list(experiment)) {
                    for (Path run : runs.toList()) {
                        Path log = run.resolve("events.jsonl");
                        if (Files.exists(log) && shows.test(Files.readAllLines(log))) {
                            return run;
                        }
                    }
                }
            }
            assertThat(coordinator.isAlive()).as("the coordinator ended before " + what).isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("no " + what + " within " + SECONDS + " s");
    }

    /** The sweep on this machine alone, once for all tests. */
    private static synchronized Path singleMachineRun() throws Exception {
        if (single == null) {
            single = singleMachineRun(shared.resolve("single"));
        }
        return single;
    }

    private static Path singleMachineRun(Path out) throws Exception {
        String[] args = concat(new String[] {"run"}, SWEEP, new String[] {"--out", out.toString()});
        args[Arrays.asList(args).indexOf("--threads") + 1] = "2";
        LabProcess.Result r = LabProcess.lab(Duration.ofSeconds(SECONDS), args);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return runDirectory(r.out());
    }

    private static Path runDirectory(String out) {
        Matcher m = Pattern.compile("run directory: (.+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Path.of(m.group(1).strip());
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        return ports;
    }

    private static String log(Path tmp, String name) {
        try {
            return Files.readString(tmp.resolve(name + ".err"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
