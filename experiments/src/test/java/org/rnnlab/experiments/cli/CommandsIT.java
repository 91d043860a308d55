package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab reference-check} and {@code lab report} on the real application. */
class CommandsIT {
    private static Path reference(String name) {
        return LabProcess.root().resolve("cells-plugin/src/test/resources/reference").resolve(name);
    }

    @Test
    void referenceCheckPassesOnPyTorchFilesOfSeveralSizes() throws Exception {
        LabProcess.Result r = LabProcess.lab("reference-check", reference("cells-small.json").toString(),
                reference("cells-t17-b1-l3.json").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("lstm").contains("gru_reset_before").doesNotContain("FAIL");
    }

    @Test
    void referenceCheckFailsOnAWrongGradientAndNamesIt(@TempDir Path tmp) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(reference("cells-small.json").toFile());
        ObjectNode lstm = null;
        for (var c : doc.withArray("cases")) {
            if (c.get("cell").asText().equals("lstm")) {
                lstm = (ObjectNode) c;
            }
        }
        ArrayNode data = (ArrayNode) lstm.get("grad_params").get("weight_hh_l1").get("data");
        data.set(3, data.get(3).asDouble() * 1.05 + 0.05);
        Path broken = tmp.resolve("broken.json");
        json.writeValue(broken.toFile(), doc);

        LabProcess.Result r = LabProcess.lab("reference-check", broken.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("lstm.*weight_hh_l1").contains("FAIL");
    }

    @Test
    void referenceCheckOfAMissingFileSaysWhich(@TempDir Path tmp) throws Exception {
        LabProcess.Result r = LabProcess.lab("reference-check", tmp.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("reference file not found").contains("nope.json");
    }

    @Test
    void reportRebuildsTheComparisonPageFromTheRunsEventLog(@TempDir Path tmp) throws Exception {
        LabProcess.Result run = LabProcess.lab("run", "hello", "--quick", "--out", tmp.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        Matcher m = Pattern.compile("run directory: (.+)").matcher(run.out());
        assertThat(m.find()).isTrue();
        Path dir = Path.of(m.group(1).strip());
        String before = Files.readString(dir.resolve("comparison.html"));
        Files.delete(dir.resolve("comparison.html"));
        Files.delete(dir.resolve("s1/report.html"));

        LabProcess.Result r = LabProcess.lab("report", dir.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("report: " + dir.resolve("comparison.html"));
        String after = Files.readString(dir.resolve("comparison.html"));
        assertThat(after).contains("hello").contains("s1");
        assertThat(Files.exists(dir.resolve("s1/report.html"))).isTrue();
        assertThat(after.length()).isGreaterThan(before.length() / 2);
    }

    @Test
    void reportOfAFolderThatIsNoRunSaysSo(@TempDir Path tmp) throws Exception {
        LabProcess.Result missing = LabProcess.lab("report", tmp.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("run directory not found");
        LabProcess.Result empty = LabProcess.lab("report", tmp.toString());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("is no run directory: it has no event log (events.jsonl)");
    }
}
