package org.rnnlab.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a JVM with the plugin and its libraries on the module path (as {@code lab} runs it), where
 * surefire's class path would hide a missing {@code requires} or {@code opens}: see ModulePathProbe.
 */
class ModulePathIT {
    @TempDir
    Path tmp;

    @Test
    void theReportersWorkOnTheModulePath() throws Exception {
        // written by maven-dependency-plugin (build-classpath) in this module's pom
        String libraries = Files.readString(Path.of("target", "module-path.txt")).strip();
        String modulePath = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + libraries;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path run = tmp.resolve("run");
        Path log = tmp.resolve("log.txt");
        Process p = new ProcessBuilder(List.of(java, "-p", modulePath, "--add-modules", "org.rnnlab.reporting",
                "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(),
                "org.rnnlab.probe.ModulePathProbe", run.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a JVM start, Guice and one tiny experiment: seconds; 120 s means it hung
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("plugin module: org.rnnlab.reporting", "probe ok: 4 reporters");
        assertThat(Files.readString(run.resolve("comparison.html"))).contains("Chart.js v4");
    }
}
