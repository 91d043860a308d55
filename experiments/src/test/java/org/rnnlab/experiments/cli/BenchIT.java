package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code lab bench} in the real application on the module path (picocli access, jdk.management, kernels). */
class BenchIT {

    @Test
    void benchRunsOnTheModulePathAndEndsWithTokensPerSecond() throws Exception {
        LabProcess.Result text = LabProcess.lab("bench", "--cell", "lstm", "--hidden", "8", "--batch", "2", "--seq", "4",
                "--steps", "2", "--warmup", "1", "--warmup-time", "0");
        LabProcess.Result json = LabProcess.lab("bench", "--cell", "gru", "--hidden", "8", "--batch", "2", "--seq", "4",
                "--steps", "2", "--warmup", "1", "--warmup-time", "0", "--json");

        assertThat(text.exit()).as(text.err()).isZero();
        String[] lines = text.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("tokens/s: [0-9]+");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("cell").asText()).isEqualTo("gru");
        assertThat(root.get("tokens_per_second").asDouble()).isPositive();
        // the process CPU time comes from jdk.management, which only the module path can miss
        assertThat(root.get("tokens_per_cpu_second").asDouble()).isPositive();
    }
}
