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
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;
import org.rnnlab.runtime.PluginRegistry;

/**
 * Issue 20, point 3: {@code lab run} whose live report cannot be written does not end as if all went well.
 * A folder in the way of {@code comparison.html} makes the real HTML reporter's write fail as a full disk
 * would (root cannot make a folder unwritable in a test): lab names the file and the cause on stderr,
 * announces no report and exits 1, and every variant's results are kept; once the folder is gone,
 * {@code --resume} writes the report and exits 0.
 */
class ReportWriteFailureTest {
    private record Result(int exit, String out, String err) {}

    private static Result lab(PluginRegistry registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.commandLine(new PrintWriter(out), new PrintWriter(err), registry).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Puts a non-empty folder where comparison.html goes, as soon as the run directory exists. */
    private static final class Blocker implements ReporterFactory {
        @Override public String id() { return "blocker"; }
        @Override public String description() { return "blocks comparison.html"; }
        @Override public EventSubscriber create(ReportContext context) {
            return event -> {
                if (event instanceof ExperimentStarted) {
                    Files.createDirectories(context.runDirectory().resolve("comparison.html").resolve("in-the-way"));
                }
            };
        }
    }

    private static PluginRegistry builtIns(boolean blocked) {
        ReportWriteFailureTest.class.getModule().addUses(Plugin.class);
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        if (blocked) {
            plugins.add(new Plugin() {
                @Override public String id() { return "blocker"; }
                @Override public String version() { return "1.0"; }
                @Override public Module module() {
                    return new AbstractModule() {
                        @Override protected void configure() {
                            Components.of(binder(), ComponentKind.REPORTER).addBinding().toInstance(new Blocker());
                        }
                    };
                }
            });
        }
        return PluginRegistry.of(plugins);
    }

    @Test
    void aReportThatCannotBeWrittenIsNamedExitsOneKeepsTheResultsAndResumes(@TempDir Path runs) throws Exception {
        Result r = lab(builtIns(true), "run", "hello", "--quick", "--threads", "1", "--out", runs.toString());
        Matcher m = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        Path dir = Path.of(m.group(1).strip());
        Path page = dir.resolve("comparison.html");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("COMPLETED").doesNotContain("report: ");
        assertThat(r.err()).contains("lab: report 'html' failed on ")
                .contains(": cannot write " + page + ": ")
                .contains("lab: the report is incomplete; what was computed is kept in " + dir)
                .contains("lab run hello --resume " + dir)
                .doesNotContain("\tat ").doesNotContain("Exception");
        // the results are kept: the model, the summary, the event log
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("model.safetensors")).count()).isPositive();
        }
        assertThat(dir.resolve("summary.csv")).content().contains("COMPLETED");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        // the folder in the way is removed (space is back): the resume writes the report
        Files.delete(page.resolve("in-the-way"));
        Files.delete(page);
        Result resumed = lab(builtIns(false), "run", "hello", "--resume", dir.toString());
        assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("report: " + page);
        assertThat(page).isRegularFile().content().contains("<html");
    }
}
