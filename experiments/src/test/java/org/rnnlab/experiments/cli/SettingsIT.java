package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.Safetensors;

/** The settings schema seen from the command line: problems before training, scoped options, lab describe. */
class SettingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everyProblemOfARunIsListedAtOnceBeforeAnyRunFolderIsMade() throws Exception {
        Path out = tmp.resolve("runs");

        LabProcess.Result r = LabProcess.lab("run", "hello", "--set", "temperature=-1", "--set", "schedule=linear",
                "--set", "cell.forget_bias=0", "--set", "bogus=1", "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("lab: 4 problems:",
                "setting 'temperature' must be positive but was '-1'",
                "setting 'schedule' must be one of constant, step, cosine, warmup but was 'linear'",
                "unknown setting 'cell.forget_bias': cell 'rnn' takes cell.activation; to give it only to the variants"
                        + " using lstm, write lstm.forget_bias",
                "unknown setting 'bogus'; known settings: ").doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain("epoch");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOptionScopedToOneCellRunsBothCellsAndReachesOnlyThatOne() throws Exception {
        Path out = tmp.resolve("runs");

        LabProcess.Result r = LabProcess.lab("run", "hello", "--set", "cell=lstm,gru", "--set", "lstm.forget_bias=0",
                "--set", "epochs=2", "--threads", "1", "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("COMPLETED lstm_s1", "COMPLETED gru_s1");
        Path run;
        try (Stream<Path> runs = Files.list(out.resolve("hello"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode variants = JSON.readTree(run.resolve("experiment.json").toFile()).get("variants");
        assertThat(variants).hasSize(2);
        for (JsonNode v : variants) {
            JsonNode settings = v.get("settings");
            boolean lstm = v.get("name").asText().equals("lstm_s1");
            assertThat(settings.has("cell.forget_bias")).as(v.toString()).isEqualTo(lstm);
            assertThat(settings.has("lstm.forget_bias")).as(v.toString()).isFalse();
        }
        // the option reached the cell: the model file records it, the gru's does not
        assertThat(Safetensors.read(run.resolve("lstm_s1/model.safetensors")).metadata())
                .containsEntry("cell.forget_bias", "0");
        assertThat(Safetensors.read(run.resolve("gru_s1/model.safetensors")).metadata())
                .doesNotContainKeys("cell.forget_bias", "cell.reset_after");
    }

    @Test
    void describeListsAComponentsSettingsWithTypeDefaultAndMeaning() throws Exception {
        LabProcess.Result lstm = LabProcess.lab("describe", "cell", "lstm");
        LabProcess.Result adam = LabProcess.lab("describe", "optimizer", "adam");
        LabProcess.Result bptt = LabProcess.lab("describe", "trainer", "bptt");

        assertThat(lstm.exit()).as(lstm.err()).isZero();
        assertThat(lstm.out()).contains("settings (--set cell.KEY=VALUE; lstm.KEY=VALUE for the variants using lstm only):");
        assertThat(lines(lstm.out())).anySatisfy(l -> assertThat(l)
                .matches("\\s+cell\\.forget_bias\\s+number or uniform\\s+1\\s+the initial b_ih_f \\+ b_hh_f .*"));
        assertThat(adam.exit()).as(adam.err()).isZero();
        assertThat(lines(adam.out())).anySatisfy(l -> assertThat(l)
                .matches("\\s+optimizer\\.beta1\\s+number, a fraction in \\[0, 1\\)\\s+0\\.9\\s+decay of the running mean of gradients"));
        assertThat(lines(adam.out())).anySatisfy(l -> assertThat(l).matches("\\s+optimizer\\.eps\\s+number, not negative\\s+1e-08\\s+.*"));
        assertThat(lines(bptt.out())).anySatisfy(l -> assertThat(l)
                .matches("\\s+temperature\\s+number, positive\\s+1\\s+sampling temperature.*"));
        assertThat(lines(bptt.out())).anySatisfy(l -> assertThat(l).matches("\\s+lr\\s+number, positive\\s+0\\.001\\s+.*\\[schedule\\]"));
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}
