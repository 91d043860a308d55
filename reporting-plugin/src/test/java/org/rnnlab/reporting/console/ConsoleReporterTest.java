package org.rnnlab.reporting.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.reporting.SyntheticExperiment;

class ConsoleReporterTest {
    private static final Path RUN = Path.of("runs", SyntheticExperiment.NAME, "20261121-210000");

    @Test
    void aLogGetsOneLinePerEpochPerVariantAndOnePerRunEnd() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyntheticExperiment.replay(SyntheticExperiment.events(RUN),
                new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        int runs = SyntheticExperiment.specs().size();
        int epochLines = (runs - 1) * SyntheticExperiment.EPOCHS + 2; // the diverged run logged 2 epochs
        // experiment start + epochs + (diverged line, then run end) + one end per other run + experiment end
        assertThat(lines).hasSize(1 + epochLines + 2 + (runs - 1) + 1);
        assertThat(lines.getFirst()).startsWith("experiment cells-compared: 6 variants");
        assertThat(lines.get(1)).matches("\\[sentiment-lstm-word-s1\\] epoch 1/6  train\\.loss=\\d\\.\\d{4} val\\.accuracy=\\d\\.\\d{4} "
                + "val\\.loss=\\d\\.\\d{4}  \\(\\d\\.\\d s, [\\d,]+ tokens/s\\)");
        assertThat(lines).anyMatch(l -> l.startsWith("[" + SyntheticExperiment.DIVERGED + "] DIVERGED at epoch 3, step 13: loss became NaN"));
        assertThat(lines).anyMatch(l -> l.matches("\\[shakespeare-gru-char-s1\\] completed in \\d+\\.\\d s: train\\.loss=.*"));
        // the console does not announce a report it cannot know was written (lab run does, once it exists)
        assertThat(lines.getLast()).isEqualTo("experiment cells-compared trained in 42.8 s: 5 completed, 1 diverged");
    }

    @Test
    void aTerminalGetsProgressBarsAndStillTheRunEnds() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyntheticExperiment.replay(SyntheticExperiment.events(RUN),
                new ConsoleReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // the bars draw themselves (on the terminal); the stream keeps the start, then, once the bars are
        // gone, the diverged line, every run end and the experiment's end
        assertThat(lines).hasSize(1 + 1 + SyntheticExperiment.specs().size() + 1);
        assertThat(lines).noneMatch(l -> l.contains(" epoch 1/6  "));
        assertThat(lines.get(1)).startsWith("[sentiment-lstm-word-s1] completed");
        assertThat(lines.getLast()).startsWith("experiment cells-compared trained in");
    }
}
