package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.experiments.cli.LabProcess.inProcess;

import org.junit.jupiter.api.Test;
import org.rnnlab.experiments.cli.LabProcess.Result;

/**
 * {@code lab describe} for the kinds no run setting names: an experiment shows the settings it fixes with
 * their meanings (from the schema of the component that reads each), what it varies, its seeds and quick
 * settings, and the run-level keys with defaults; a reporter without settings says so.
 */
class DescribeExperimentTest {

    @Test
    void anExperimentShowsItsSettingsWithMeaningsWhatItVariesAndTheRunKeys() {
        Result hello = inProcess("describe", "experiment", "hello");
        Result order = inProcess("describe", "experiment", "order-matters");

        assertThat(hello.exit()).as(hello.err()).isZero();
        assertThat(hello.out().lines()).anySatisfy(l -> assertThat(l).matches("\\s+epochs\\s+60\\s+passes over the training split"))
                .anySatisfy(l -> assertThat(l).matches("\\s+hidden\\s+16\\s+hidden units per layer"))
                .anySatisfy(l -> assertThat(l).matches("\\s+cell\\s+rnn\\s+the recurrent cell of every layer"))
                .anySatisfy(l -> assertThat(l).matches("\\s+tokenizer\\s+character\\s+how a text dataset becomes tokens"))
                .contains("  seeds: 1", "  --quick sets: epochs=30");
        assertThat(hello.out()).contains("run settings:").doesNotContain("varies");
        assertThat(order.out()).contains("  varies (one variant per combination and seed):",
                "model: bag-of-words (cell=dense, tokenizer=bag-of-words)", "lstm (cell=lstm, tokenizer=word)", "claims: 3");
        assertThat(order.out().lines()).anySatisfy(l -> assertThat(l).matches("\\s+dataset\\.length\\s+12\\s+tokens per example.*"));
    }

    @Test
    void aComponentWithoutSettingsSaysSo() {
        Result html = inProcess("describe", "reporter", "html");

        assertThat(html.exit()).as(html.err()).isZero();
        assertThat(html.out()).contains("reporter html", "  settings: none");
    }
}
