package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example third-party cell (examples/third-party-cell, a Minimal Gated Unit written with engine ops
 * only) built from its sources into a jar, dropped into a plugins folder, listed by {@code lab plugins}
 * and compared with lstm in one experiment, all on the module path of the real application.
 */
class ThirdPartyCellIT {
    @TempDir
    static Path work;
    private static Path plugins;

    @BeforeAll
    static void buildTheExampleJar() throws Exception {
        Path example = LabProcess.root().resolve("examples/third-party-cell/src/main");
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJar.fromSources(example.resolve("java"), example.resolve("resources"),
                plugins.resolve("mgu-cell.jar"), work);
    }

    @Test
    void isListedAsLoadedFromThePluginsFolder() throws Exception {
        LabProcess.Result r = LabProcess.lab("plugins", "--plugins", plugins.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("mgu-cell 1.0 (api 1)")
                .contains("loaded from: " + plugins.resolve("mgu-cell.jar") + " (module org.example.mgu)")
                .containsPattern("mgu +Minimal Gated Unit");
    }

    @Test
    void runsBesideLstmInOneExperiment() throws Exception {
        Path out = work.resolve("runs");
        LabProcess.Result r = LabProcess.lab("run", "dinosaurs", "--quick", "--set", "cells=lstm,mgu",
                "--threads", "2", "--out", out.toString(), "--plugins", plugins.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Matcher dir = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(dir.find()).as(r.out()).isTrue();
        Path run = Path.of(dir.group(1).strip());
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertThat(summary).hasSize(3);
        assertThat(summary.subList(1, 3)).anySatisfy(line -> assertThat(line).startsWith("lstm_s1,COMPLETED"))
                .anySatisfy(line -> assertThat(line).startsWith("mgu_s1,COMPLETED"));
        assertThat(Files.readString(run.resolve("comparison.html"))).contains("mgu_s1").contains("lstm_s1");
    }
}
