package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.event.ClaimVerdict;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.experiment.Claim;
import org.rnnlab.api.experiment.Claim.Measure;
import org.rnnlab.api.experiment.Experiment;
import org.rnnlab.api.experiment.ExperimentDefinition;
import org.rnnlab.runtime.PluginRegistry;
import org.rnnlab.runtime.events.EventLog;

/**
 * {@code lab run NAME --check} on a lesson whose claim is made to fail: the hello lesson's settings (a tanh
 * rnn learns "hello"; its validation loss ends near 0) with one claim that holds and one that cannot (a
 * loss below 1e-12 nats). The verdicts are printed, logged as events, shown at the top of the report, and
 * {@code --check} turns the failed one into exit 1.
 */
class ClaimVerdictsTest {
    @TempDir
    Path runs;

    private record Result(int exit, String out, String err) {}

    /** hello, shortened to 30 epochs (its quick version), with a claim that holds and one made to fail. */
    static final class FailingHello implements ExperimentDefinition {
        @Override public String id() { return "failing-hello"; }
        @Override public String description() { return "hello with a claim made to fail"; }
        @Override public Experiment experiment() {
            return Experiment.named(id()).description(description())
                    .dataset("hello").tokenizer("character").cell("rnn")
                    .embedding(0).hidden(16).learningRate(0.05).epochs(30).batchSize(1).clip(5).set("samples", 0)
                    .quick(Map.of("epochs", "5"))
                    .claim(Claim.atMost(Measure.last("val.nats_per_token"), 0.05, "the hello lesson's quick run"))
                    .claim(Claim.atMost(Measure.last("val.nats_per_token"), 1e-12, "made to fail"))
                    .build();
        }
    }

    private static PluginRegistry builtInsAndFailingHello() {
        ClaimVerdictsTest.class.getModule().addUses(Plugin.class);
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        plugins.add(new Plugin() {
            @Override public String id() { return "failing-lessons"; }
            @Override public String version() { return "1.0"; }
            @Override public Module module() {
                return new AbstractModule() {
                    @Override protected void configure() {
                        Components.of(binder(), ComponentKind.EXPERIMENT).addBinding().toInstance(new FailingHello());
                    }
                };
            }
        });
        return PluginRegistry.of(plugins);
    }

    private Result lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err), builtInsAndFailingHello()).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Path runDirectory(Result r) {
        Matcher m = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return Path.of(m.group(1).strip());
    }

    @Test
    void aFailedClaimIsPrintedLoggedReportedAndMakesCheckExitWithOne() throws Exception {
        Result r = lab("run", "failing-hello", "--check", "--out", runs.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("COMPLETED s1")
                .containsPattern("HOLDS +val.nats_per_token of every variant at most 0.05: measured ")
                .containsPattern("FAILS +val.nats_per_token of every variant at most 1.00e-12: measured ")
                .contains("(figure: made to fail)")
                .contains("claims: 1 hold, 1 fail or unmeasured, 0 not checked");
        Path dir = runDirectory(r);

        List<Event> events = new ArrayList<>();
        EventLog.history(dir).replay(events::add);
        List<ClaimChecked> claims = events.stream().filter(ClaimChecked.class::isInstance).map(ClaimChecked.class::cast).toList();
        assertThat(claims).extracting(ClaimChecked::verdict).containsExactly(ClaimVerdict.HOLDS, ClaimVerdict.FAILS);
        // after every run ended, before the experiment completed
        assertThat(events.indexOf(claims.getFirst())).isEqualTo(events.size() - 3);
        double measured = claims.get(1).measured().get("val.nats_per_token");
        assertThat(measured).isGreaterThan(1e-12).isLessThan(0.05);

        String page = Files.readString(dir.resolve("comparison.html"));
        assertThat(page.indexOf("id=\"claim-table\"")).as("claims at the top, before the lesson text")
                .isPositive().isLessThan(page.indexOf("id=\"lesson\""));
        assertThat(page).contains("data-verdict=\"FAILS\"").contains("data-verdict=\"HOLDS\"").contains("made to fail");

        // lab report rebuilds the same page from the log
        Files.delete(dir.resolve("comparison.html"));
        assertThat(lab("report", dir.toString()).exit()).isZero();
        assertThat(Files.readString(dir.resolve("comparison.html"))).isEqualTo(page);
    }

    @Test
    void withoutCheckTheFailedClaimIsPrintedButTheRunSucceeds() {
        Result r = lab("run", "failing-hello", "--out", runs.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("FAILS +val.nats_per_token");
    }

    @Test
    void underQuickOrOverridesTheClaimsForTheDefaultsAreNotCheckedAndSaySo() {
        Result quick = lab("run", "failing-hello", "--quick", "--check", "--out", runs.toString());
        assertThat(quick.exit()).as(quick.out() + quick.err()).isZero();
        assertThat(quick.out()).containsPattern("NOT_CHECKED +val.nats_per_token of every variant at most 1.00e-12: "
                + "not checked: the claim is for the defaults; this run was --quick")
                .contains("claims: 0 hold, 0 fail or unmeasured, 2 not checked (they are for the defaults)");
        Result overridden = lab("run", "failing-hello", "--set", "epochs=2", "--check", "--out", runs.toString());
        assertThat(overridden.exit()).isZero();
        assertThat(overridden.out()).contains("this run overrides epochs=2");
    }
}
