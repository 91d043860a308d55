package org.rnnlab.runtime.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.UnknownComponentException;

class ReferenceFileTest {
    @TempDir
    Path dir;

    static final String TENSOR = "{\"shape\": [1, 1, 1], \"data\": [0.5]}";

    static String minimalCase(String cell) {
        return "{\"cell\": \"" + cell + "\", \"T\": 1, \"B\": 1, \"I\": 1, \"H\": 1, \"layers\": 1, \"loss\": 0.25,"
                + " \"x\": " + TENSOR + ", \"h0\": " + TENSOR + ", \"probe\": " + TENSOR + ", \"y\": " + TENSOR
                + ", \"hT\": {\"shape\": [1, 1, 1], \"data\": [0.5]}, \"grad_x\": " + TENSOR + ", \"grad_h0\": " + TENSOR
                + ", \"params\": {\"weight_ih_l0\": {\"shape\": [1, 1], \"data\": [1.0]}},"
                + " \"grad_params\": {\"weight_ih_l0\": {\"shape\": [1, 1], \"data\": [0.5]}}}";
    }

    @Test
    void readsCasesWithShapesAndValues() throws IOException {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, "{\"generator\": \"test\", \"cases\": [" + minimalCase("rnn_tanh") + "]}");
        ReferenceFile read = ReferenceFile.read(file);
        assertThat(read.generator()).isEqualTo("test");
        ReferenceCase c = read.cases().getFirst();
        assertThat(c.describe()).isEqualTo("rnn_tanh T=1 B=1 I=1 H=1 layers=1");
        assertThat(c.value("x").orElseThrow().shape()).containsExactly(1, 1, 1);
        assertThat(c.params().get("weight_ih_l0").get(0)).isEqualTo(1.0);
        assertThat(c.value("c0")).isEmpty();
    }

    @Test
    void problemsNameTheFileAndTheEntry() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"cases\": [" + minimalCase("lstm").replace("\"y\":", "\"why\":") + "]}");
        assertThatThrownBy(() -> ReferenceFile.read(broken)).isInstanceOf(RnnlabException.class)
                .hasMessageContaining("broken.json case 0").hasMessageContaining("missing 'y'");
        Path shapes = dir.resolve("shapes.json");
        Files.writeString(shapes, "{\"cases\": [" + minimalCase("lstm").replace("\"data\": [1.0]", "\"data\": [1.0, 2.0]") + "]}");
        assertThatThrownBy(() -> ReferenceFile.read(shapes)).isInstanceOf(RnnlabException.class)
                .hasMessageContaining("params.weight_ih_l0").hasMessageContaining("needs 1 values but has 2");
        assertThatThrownBy(() -> ReferenceFile.read(dir.resolve("absent.json"))).isInstanceOf(RnnlabException.class)
                .hasMessageContaining("absent.json");
    }

    @Test
    void cellNamesMapToRnnlabCells() {
        assertThat(ReferenceCheck.cellFor("gru_reset_before").toString()).isEqualTo("gru reset_after=false");
        assertThat(ReferenceCheck.cellFor("rnn_relu").toString()).isEqualTo("rnn activation=relu");
        assertThatThrownBy(() -> ReferenceCheck.cellFor("mgu")).hasMessageContaining("unknown reference cell 'mgu'");
    }

    @Test
    void relativeErrorUsesTheScaledFloor() {
        assertThat(ReferenceCheck.relativeError(new float[] {1.0001f}, 0, new double[] {1.0})).isBetween(0.9e-4, 1.1e-4);
        // an entry of 0.001 in a tensor whose largest is 100 is judged against 1 (1% of 100): error 1e-6 / 1
        assertThat(ReferenceCheck.relativeError(new float[] {100f, 0.001001f}, 0, new double[] {100, 0.001})).isLessThan(2e-6);
        assertThat(ReferenceCheck.relativeError(new float[] {Float.NaN}, 0, new double[] {1})).isInfinite();
    }

    @Test
    void runReportsAnUnknownCellAsAFailureAndGoesOn() throws IOException {
        Path file = dir.resolve("one.json");
        Files.writeString(file, "{\"generator\": \"test\", \"cases\": [" + minimalCase("rnn_tanh") + "]}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = ReferenceCheck.run(List.of(file, dir.resolve("missing.json")),
                id -> { throw new UnknownComponentException("cell", id, List.of()); },
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(passed).isFalse();
        assertThat(out).contains("FAIL rnn_tanh T=1").contains("unknown cell 'rnn'").contains("missing.json")
                .contains("reference-check: 0 of 2 passed");
    }
}
