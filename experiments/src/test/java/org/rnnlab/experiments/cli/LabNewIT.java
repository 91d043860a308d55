package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab new cell acme-test}, built by Maven as a user would ({@code mvn package}, which runs the kit
 * test), then trained by {@code lab run dinosaurs --quick --set cell=acme-test --plugins DIR}.
 *
 * <p>rnnlab is "installed" into a private local repository that holds nothing else: the jars this build
 * made and their poms, laid out as {@code mvn install} lays them out. Everything else (Maven's plugins,
 * JUnit, Guice) is read through a mirror of the build's own local repository as a file URL, so the shared
 * {@code ~/.m2} is only read and no network is needed: the generated pom pins the plugin versions rnnlab's
 * build already fetched (NewCommandTest checks that).
 */
class LabNewIT {
    private static final String VERSION = org.rnnlab.api.RnnlabVersion.current();
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(8);
    private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*tests=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"\\d+\" failures=\"(\\d+)\"");

    @TempDir
    Path work;

    @Test
    void aNewCellProjectBuildsWithMavenPassesTheKitAndTrains() throws Exception {
        Path project = work.resolve("acme-test");
        LabProcess.Result made = LabProcess.lab("new", "cell", "acme-test", "--dir", project.toString());
        assertThat(made.exit()).as(made.out() + made.err()).isZero();

        Path repo = installRnnlab(work.resolve("repository"));
        Path settings = Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror><id>build-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(System.getProperty("rnnlab.m2")).toUri()));
        List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "-Dstyle.color=never", "package"));
        ProcessBuilder pb = new ProcessBuilder(mvn).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("mvn.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(MAVEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("mvn package within " + MAVEN_TIMEOUT).isTrue();
        String log = Files.readString(work.resolve("mvn.log"));
        assertThat(p.exitValue()).as(log).isZero();
        Path jar = project.resolve("target/acme-test-cell-1.0.jar");
        assertThat(jar).exists();
        // the kit ran: surefire's reports of the generated test (the kit's nested classes report on their own)
        int[] totals = new int[2];
        try (var reports = Files.list(project.resolve("target/surefire-reports"))) {
            for (Path report : reports.filter(f -> f.getFileName().toString().startsWith("TEST-")).toList()) {
                Matcher m = SUITE.matcher(Files.readString(report));
                assertThat(m.find()).as(report.toString()).isTrue();
                totals[0] += Integer.parseInt(m.group(1));
                totals[1] += Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3));
            }
        }
        assertThat(totals[0]).as("kit tests run").isGreaterThanOrEqualTo(10);
        assertThat(totals[1]).as("kit tests failed").isZero();

        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        LabProcess.Result run = LabProcess.lab(Duration.ofMinutes(5), "run", "dinosaurs", "--quick", "--set",
                "cell=acme-test", "--threads", "2", "--out", work.resolve("runs").toString(), "--plugins", plugins.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("COMPLETED acme-test_s1");
    }

    /** What {@code mvn install} of rnnlab would leave for api, model, testkit, engine and the parent. */
    private static Path installRnnlab(Path repo) throws IOException {
        Path root = LabProcess.root();
        Map<String, String> modules = Map.of("rnnlab-engine", "engine", "rnnlab-api", "framework-api",
                "rnnlab-model", "framework-model", "rnnlab-testkit", "framework-testkit");
        install(repo, "rnnlab-parent", root.resolve("pom.xml"), null);
        for (Map.Entry<String, String> m : modules.entrySet()) {
            Path jar = root.resolve(m.getValue()).resolve("target").resolve(m.getKey() + "-" + VERSION + ".jar");
            assertThat(jar).as("built by this reactor before the ITs").exists();
            install(repo, m.getKey(), root.resolve(m.getValue()).resolve("pom.xml"), jar);
        }
        return repo;
    }

    private static void install(Path repo, String artifact, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("org/rnnlab").resolve(artifact).resolve(VERSION));
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
