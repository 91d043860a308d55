package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.Components;
import org.rnnlab.api.Plugin;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunEvent;
import org.rnnlab.runtime.PluginRegistry;
import org.rnnlab.runtime.events.EventLog;

/**
 * Reports from the event stream, in-process on a real (tiny) run of {@code hello} with two cells
 * trained at once: the run's event log holds every event the reporters received; a reporter written
 * against the API alone, registered like any other, receives them all and rebuilds {@code summary.csv};
 * {@code lab report} replays the log into the same pages and CSV files, byte for byte.
 */
class EventReportsTest {
    private record Result(int exit, String out, String err) {}

    @TempDir
    static Path runs;
    private static final SummaryFromEvents PROBE = new SummaryFromEvents();
    private static Path dir;
    /** Every page and CSV file as the live run left them. */
    private static final Map<Path, byte[]> LIVE = new TreeMap<>();

    private static Result lab(PluginRegistry registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = registry == null ? Lab.commandLine(new PrintWriter(out), new PrintWriter(err))
                : Lab.commandLine(new PrintWriter(out), new PrintWriter(err), registry);
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The built-in plugins, found as the runtime finds them, and one more that brings the probe. */
    private static PluginRegistry builtInsAnd(SummaryFromEvents probe) {
        EventReportsTest.class.getModule().addUses(Plugin.class);
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        assertThat(plugins).extracting(Plugin::id).contains("reporting", "trainers", "cells");
        plugins.add(new Plugin() {
            @Override public String id() { return "probe"; }
            @Override public String version() { return "1.0"; }
            @Override public Module module() {
                return new AbstractModule() {
                    @Override protected void configure() {
                        Components.of(binder(), ComponentKind.REPORTER).addBinding().toInstance(probe);
                    }
                };
            }
        });
        return PluginRegistry.of(plugins);
    }

    @BeforeAll
    static void runTwoCellsAtOnce() throws Exception {
        Result r = lab(builtInsAnd(PROBE), "run", "hello", "--quick", "--set", "cell=rnn,gru", "--threads", "2",
                "--out", runs.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Matcher m = Pattern.compile("run directory: (.+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        dir = Path.of(m.group(1).strip());
        for (Path f : reports(dir)) {
            LIVE.put(dir.relativize(f), Files.readAllBytes(f));
        }
        assertThat(LIVE.keySet()).contains(Path.of("comparison.html"), Path.of("summary.csv"));
        assertThat(LIVE.keySet().stream().filter(p -> p.endsWith("report.html")).count()).isEqualTo(2);
    }

    private static List<Path> reports(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static List<Event> logged() throws Exception {
        List<Event> events = new ArrayList<>();
        EventLog.history(dir).replay(events::add);
        return events;
    }

    @Test
    void theLogHoldsEveryEventTheReportersReceivedInTheOrderOfEachRun() throws Exception {
        List<Event> logged = logged();
        List<Event> received = List.copyOf(PROBE.received);

        assertThat(received).hasSizeGreaterThan(20);
        assertThat(logged).hasSameSizeAs(received);
        // two variants publish from two threads: each run's events keep their order, their interleaving may differ
        Map<String, List<Event>> loggedByRun = byRun(logged);
        Map<String, List<Event>> receivedByRun = byRun(received);
        assertThat(loggedByRun.keySet()).isEqualTo(receivedByRun.keySet()).hasSize(3);
        loggedByRun.forEach((run, events) -> {
            List<Event> other = receivedByRun.get(run);
            for (int i = 0; i < events.size(); i++) {
                assertThat(same(events.get(i), other.get(i))).as(run + " event " + i + ": " + events.get(i)).isTrue();
            }
        });
    }

    @Test
    void aReporterWrittenAgainstTheApiRebuildsSummaryCsvFromTheEventsItReceived() throws Exception {
        List<List<String>> summaryCsv = Csv.parse(new String(LIVE.get(Path.of("summary.csv")), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(summaryCsv).hasSize(3);
        assertThat(summaryCsv.get(1)).contains("COMPLETED");
        assertThat(SummaryFromEvents.summary(List.copyOf(PROBE.received))).isEqualTo(summaryCsv);
        assertThat(SummaryFromEvents.summary(logged())).isEqualTo(summaryCsv);
    }

    @Test
    void labReportReplaysTheLogIntoTheSamePagesAndCsvFilesByteForByte() throws Exception {
        for (Path f : reports(dir)) {
            Files.delete(f);
        }

        Result r = lab(null, "report", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("rebuilt by csv, html: " + dir).contains("report: " + dir.resolve("comparison.html"));
        assertThat(reports(dir).stream().map(dir::relativize).toList()).containsExactlyElementsOf(LIVE.keySet());
        for (var e : LIVE.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).as(e.getKey().toString()).isEqualTo(e.getValue());
        }
    }

    @Test
    void aLogAloneInAnotherFolderRebuildsThereAndAFailedWriteEndsInOneLineNamingTheFile(@TempDir Path tmp) throws Exception {
        Path moved = Files.createDirectories(tmp.resolve("moved"));
        Files.copy(EventLog.file(dir), EventLog.file(moved));
        Path page = moved.resolve("comparison.html");
        Files.createDirectories(page.resolve("in-the-way"));

        Result r = lab(null, "report", moved.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("rebuilt").doesNotContain("report:");
        assertThat(r.err()).isEqualTo("lab: reporter 'html' could not rebuild its reports: cannot write " + page
                + ": Is a directory\n");
        assertThat(Files.readAllBytes(moved.resolve("summary.csv"))).isEqualTo(LIVE.get(Path.of("summary.csv")));

        Files.delete(page.resolve("in-the-way"));
        Files.delete(page);
        assertThat(lab(null, "report", moved.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(page)).isEqualTo(LIVE.get(Path.of("comparison.html")));
    }

    @Test
    void aRunFromBeforeTheEventLogIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        Path old = Files.createDirectories(tmp.resolve("hello/20261101-120000"));
        Files.writeString(old.resolve("summary.csv"), "variant,status\ns1,COMPLETED\n");

        Result tooOld = lab(null, "report", old.toString());
        Result none = lab(null, "report", tmp.toString());

        assertThat(tooOld.exit()).isEqualTo(1);
        assertThat(tooOld.err()).isEqualTo("lab: " + old + " was written before rnnlab kept an event log (events.jsonl), "
                + "so its reports cannot be rebuilt; its CSV files and pages are as that run left them\n");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("lab: " + tmp + " is no run directory: it has no event log (events.jsonl)\n");
    }

    private static Map<String, List<Event>> byRun(List<Event> events) {
        Map<String, List<Event>> out = new TreeMap<>();
        for (Event e : events) {
            out.computeIfAbsent(e instanceof RunEvent r ? "run " + r.variant() : "experiment", k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** Equal events; the two records with arrays compare them by value. */
    private static boolean same(Event a, Event b) {
        if (a instanceof GradientStats x && b instanceof GradientStats y) {
            return x.variant().equals(y.variant()) && x.epoch() == y.epoch() && Double.compare(x.globalNorm(), y.globalNorm()) == 0
                    && x.parameterNorms().equals(y.parameterNorms()) && Arrays.equals(x.flow(), y.flow());
        }
        if (a instanceof Evaluation x && b instanceof Evaluation y) {
            return x.variant().equals(y.variant()) && x.epoch() == y.epoch() && x.split().equals(y.split())
                    && x.labels().equals(y.labels()) && Arrays.deepEquals(x.counts(), y.counts());
        }
        return a.equals(b);
    }

    /** RFC 4180, as commons-csv writes it: fields separated by commas, quoted when they hold a comma, quote or line end. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (!field.isEmpty() || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
