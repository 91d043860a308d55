package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab run MyStudy.java}: one source file, compiled in memory against the API, run like a plugin's experiment. */
class SourceExperimentTest {
    @TempDir
    Path work;

    /** A Java 25 compact source file: a top-level method returns the experiment. */
    private static final String COMPACT = """
            import module org.rnnlab.api;

            Experiment experiment() {
                return Experiment.named("tiny-depth")
                        .description("one and two layers of a small rnn on hello")
                        .dataset("hello").tokenizer("character").cell("rnn")
                        .embedding(0).hidden(8).learningRate(0.05).epochs(2).batchSize(1)
                        .vary("layers", 1, 2)
                        .build();
            }
            """;

    @Test
    void aCompactSourceFileRunsWithTheSameReportsAndVariantsNamedByTheirSettings() throws Exception {
        Path file = Files.writeString(work.resolve("TinyDepth.java"), COMPACT);
        InProcessLab.Result r = InProcessLab.lab("run", file.toString(), "--threads", "2",
                "--out", work.resolve("runs").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("COMPLETED layers=1_s1").contains("COMPLETED layers=2_s1");
        Path run;
        try (var dirs = Files.list(work.resolve("runs/tiny-depth"))) {
            run = dirs.findFirst().orElseThrow();
        }
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        assertThat(summary.subList(1, summary.size())).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactlyInAnyOrder("layers=1_s1", "layers=2_s1");
        assertThat(run.resolve("comparison.html")).exists();
        assertThat(run.resolve("events.jsonl")).exists();
        assertThat(run.resolve("layers=2_s1/report.html")).exists();
    }

    @Test
    void aClassImplementingTheExperimentSpiIsFoundToo() throws Exception {
        Path file = Files.writeString(work.resolve("Study.java"), """
                import org.rnnlab.api.experiment.Experiment;
                import org.rnnlab.api.experiment.ExperimentDefinition;

                public class Study implements ExperimentDefinition {
                    public String id() { return "study"; }
                    public String description() { return "a study"; }
                    public Experiment experiment() {
                        return Experiment.named("study").dataset("hello").tokenizer("character").cell("nosuchcell").build();
                    }
                }
                """);
        // the definition is found and its settings are checked like any experiment's: the unknown cell is named
        InProcessLab.Result r = InProcessLab.lab("run", file.toString(), "--out", work.resolve("runs").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("nosuchcell");
        assertThat(work.resolve("runs")).doesNotExist();
    }

    @Test
    void aCompileErrorNamesTheFileTheLineAndJavacsMessage() throws Exception {
        Path file = Files.writeString(work.resolve("Broken.java"), COMPACT.replace(".hidden(8)", ".hiden(8)"));
        InProcessLab.Result r = InProcessLab.lab("run", file.toString(), "--out", work.resolve("runs").toString());
        assertThat(r.exit()).isEqualTo(2);
        // .hiden( is on line 7 of the file; javac's column points at the method name
        assertThat(r.err()).startsWith("lab: compile error: " + file + ":7:")
                .contains("cannot find symbol").contains("hiden(int)");
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(work.resolve("runs")).doesNotExist();
    }

    @Test
    void aFileWithoutAnExperimentSaysWhatItNeeds() throws Exception {
        Path file = Files.writeString(work.resolve("Empty.java"), "void main() { IO.println(1); }\n");
        InProcessLab.Result r = InProcessLab.lab("run", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(file + " defines no experiment: it needs a method 'Experiment experiment()'");
    }

    @Test
    void aMissingFileIsNamed() {
        InProcessLab.Result r = InProcessLab.lab("run", work.resolve("Nope.java").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("experiment source " + work.resolve("Nope.java") + " does not exist");
    }
}
