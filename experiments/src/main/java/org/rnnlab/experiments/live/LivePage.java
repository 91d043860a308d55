package org.rnnlab.experiments.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;

/**
 * The pages of a run as far as it went: every event the run published so far, replayed into the reporters
 * that can {@linkplain ReporterFactory#rebuild rebuild} (the same as {@code lab report RUN_DIR} does at the
 * end) into a folder of its own, so the run directory is written only by the run's own reporters.
 *
 * <p>Events are only kept as they arrive (the publishing thread is a variant's training thread); pages are
 * rebuilt on request, and only when events arrived since the last build. Every HTML page gets a status
 * line and a script ({@code live.js}) that polls {@code /live.json} and reloads the page, keeping its
 * scroll position, when an epoch or a run ended.
 */
public final class LivePage implements EventSubscriber {
    /** How often an open page asks whether there is something new. */
    static final int POLL_MILLIS = 2000;
    private static final String SCRIPT = script();

    private final List<ReporterFactory> reporters;
    private final Path pages;
    private final List<Event> events = new ArrayList<>();
    private String experiment = "";
    private Path runDirectory;
    private int variants;
    private int epochs;
    private int ended;
    private boolean finished;
    private final Object building = new Object();
    private int built = -1;
    private Status builtStatus;

    /** Pages rebuilt by {@code reporters} into {@code pages}, starting from {@code history} (a resumed run's earlier events). */
    public LivePage(List<ReporterFactory> reporters, Path pages, EventHistory history) throws Exception {
        this.reporters = List.copyOf(reporters);
        this.pages = Objects.requireNonNull(pages, "pages");
        history.replay(this);
    }

    @Override
    public void onEvent(Event event) {
        synchronized (events) {
            events.add(event);
            switch (event) {
                case ExperimentStarted e -> {
                    experiment = e.experiment();
                    runDirectory = e.runDirectory();
                    variants = e.variants().size();
                    finished = false; // a resumed run starts again
                }
                case EpochCompleted e -> epochs++;
                case RunCompleted e -> ended++;
                case RunDiverged e -> ended++;
                case RunFailed e -> ended++;
                case ExperimentCompleted e -> finished = true;
                default -> { }
            }
        }
    }

    /** What {@code /live.json} answers: the state ({@code waiting}, {@code running}, {@code finished}) and counts. */
    public Status status() {
        synchronized (events) {
            String state = finished ? "finished" : runDirectory == null ? "waiting" : "running";
            return new Status(state, experiment, runDirectory == null ? "" : runDirectory.toString(), variants, ended,
                    epochs, events.size());
        }
    }

    /** The state of the run as the pages show it. */
    public record Status(String state, String experiment, String runDirectory, int variants, int variantsEnded,
                         int epochs, int events) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", state);
            m.put("experiment", experiment);
            m.put("runDirectory", runDirectory);
            m.put("variants", variants);
            m.put("variantsEnded", variantsEnded);
            m.put("epochs", epochs);
            m.put("events", events);
            return m;
        }

        String line() {
            return switch (state) {
                case "waiting" -> "live: waiting for the run to start";
                case "finished" -> "live: the run finished (" + epochs + " epochs); report: " + runDirectory
                        + "/comparison.html";
                default -> "live: " + epochs + " epochs ended, " + variantsEnded + " of " + variants + " variants done";
            };
        }
    }

    /** The pages as of now, rebuilt first if events arrived since the last build, and the status they show. */
    Built pages() throws Exception {
        synchronized (building) {
            List<Event> now = null;
            synchronized (events) {
                if (events.size() != built) {
                    now = List.copyOf(events);
                    builtStatus = status();
                }
            }
            if (now != null) {
                EventHistory history = EventHistory.of(now);
                for (ReporterFactory reporter : reporters) {
                    reporter.rebuild(new ReportContext(pages, false, history));
                }
                built = now.size();
            }
            return new Built(pages, builtStatus);
        }
    }

    /** A build of the pages: their folder and the status of the run they show. */
    record Built(Path folder, Status status) {}

    /** The page shown before the reporters have written one: the run has not started. */
    String waitingPage() {
        return live(status(), "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>rnnlab live view</title>"
                + "</head><body><h1>rnnlab live view</h1><p>The comparison page appears here when the run has started.</p>"
                + "</body></html>");
    }

    /**
     * {@code html} with the status line and the polling script before its {@code </body>}; {@code s} is the
     * status of the pages' build, so the script reloads exactly when the server has more to show.
     */
    static String live(Status s, String html) {
        String box = "<div id=\"rnnlab-live\" role=\"status\" data-state=\"" + s.state() + "\" data-epochs=\"" + s.epochs()
                + "\" data-variants-ended=\"" + s.variantsEnded() + "\" data-poll-millis=\"" + POLL_MILLIS + "\" style=\""
                + "position:fixed;right:8px;bottom:8px;z-index:10000;max-width:40em;padding:4px 8px;border-radius:4px;"
                + "font:12px/1.4 system-ui,sans-serif;background:#fffbe6;color:#3d3000;border:1px solid #d4b106\">"
                + escape(s.line()) + "</div><script>" + SCRIPT + "</script>";
        int at = html.lastIndexOf("</body>");
        return at < 0 ? html + box : html.substring(0, at) + box + html.substring(at);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String script() {
        try (InputStream in = LivePage.class.getResourceAsStream("live.js")) {
            if (in == null) {
                throw new IllegalStateException("live.js is missing from the org.rnnlab.experiments.live package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
