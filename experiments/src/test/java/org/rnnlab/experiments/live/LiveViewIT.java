package org.rnnlab.experiments.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.experiment.GridRequest;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.runtime.ExperimentOutcome;
import org.rnnlab.runtime.ExperimentPlan;
import org.rnnlab.runtime.ExperimentRunner;
import org.rnnlab.runtime.PluginRegistry;
import org.rnnlab.runtime.RunOptions;

/**
 * The live view of a real run (the hello lesson, 40 epochs) in headless Chromium over the DevTools protocol:
 * the page that is open shows more epochs a few seconds later without anyone reloading it, the finished
 * run at the end, and no script error, failed load or console error on the way; {@code /metrics} reads as
 * the Prometheus text format with the run's meters. A gate on the training thread lets the epochs end only
 * as the test allows (training itself takes milliseconds), so the run is in progress while the browser
 * looks, however fast or busy the machine.
 */
class LiveViewIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int EPOCHS = 40;
    /** The epochs the run table shows: the sum of its "done / planned" cells; -1 before the table is there. */
    private static final String TABLE_EPOCHS = "(() => { let n = 0, seen = false;"
            + " for (const td of document.querySelectorAll('#run-table td')) {"
            + "   const m = td.textContent.trim().match(/^(\\d+) \\/ (\\d+)$/); if (m) { n += Number(m[1]); seen = true; } }"
            + " return seen ? n : -1; })()";

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void theOpenPageFollowsTheRunAndTheMetersReadAsPrometheusText() throws Exception {
        PluginRegistry registry = PluginRegistry.load(Optional.empty());
        var definition = registry.get(ComponentKind.EXPERIMENT, "hello");
        List<Variant> variants = definition.experiment()
                .variants(new GridRequest(Map.of("epochs", "" + EPOCHS), Optional.empty(), false), registry).get();
        Gate gate = new Gate();
        StringWriter printed = new StringWriter();
        LiveView live = LiveView.start(registry, InetAddress.getByName("127.0.0.1"), 0, EventHistory.NONE,
                new PrintWriter(printed, true));
        URI uri = live.uri();
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isPositive();
        assertThat(printed.toString()).contains("live view: " + uri, uri + "metrics");
        // a thread of its own: in the common pool (one thread on 2 cores) the gated run would starve the
        // HttpClient's own asynchronous steps, and the browser's WebSocket handshake with them
        ExecutorService runner = Executors.newSingleThreadExecutor();
        CompletableFuture<ExperimentOutcome> run = CompletableFuture.supplyAsync(() -> new ExperimentRunner(registry).run(
                new ExperimentPlan("hello", definition.description(), variants), new RunOptions(tmp.resolve("runs"), 1, false),
                live.subscribers(List.of(gate))), runner);
        try (DevToolsBrowser browser = DevToolsBrowser.start(Files.createDirectories(tmp.resolve("chromium")))) {
            gate.allow(2);
            waitFor("a running run with 2 epochs", () -> status(uri), s -> s.path("epochs").asInt() == 2, 120);
            browser.open(uri);
            waitFor("2 epochs in the run table", () -> browser.evaluate(TABLE_EPOCHS), n -> n != null && n.asInt() == 2, 120);
            metricsReadAsPrometheusText(uri, 2);
            notFoundOutsideThePages(uri);

            gate.allow(3);
            // the page reloads itself: nobody navigates again
            waitFor("5 epochs in the run table", () -> browser.evaluate(TABLE_EPOCHS), n -> n != null && n.asInt() == 5, 120);
            assertThat(browser.evaluate("document.getElementById('rnnlab-live').dataset.state").asText()).isEqualTo("running");

            gate.open();
            assertThat(run.get(120, TimeUnit.SECONDS).allSucceeded()).isTrue();
            waitFor("the finished run", () -> browser.evaluate("document.getElementById('rnnlab-live')"
                    + " && document.getElementById('rnnlab-live').dataset.state"), s -> s != null && s.asText().equals("finished"), 60);
            assertThat(browser.evaluate(TABLE_EPOCHS).asInt()).isEqualTo(EPOCHS);
            waitFor("the page's self-check", () -> browser.evaluate("document.body.dataset.selfcheck"),
                    s -> s != null && s.asText().equals("done"), 60);
            assertThat(browser.evaluate("document.querySelectorAll('#script-errors li').length").asInt()).isZero();
            assertThat(browser.problems()).as("exceptions, console errors and failed loads in the page").isEmpty();
        } finally {
            gate.open();
            try {
                run.get(120, TimeUnit.SECONDS); // a failed test still lets its run end before the folder goes
            } catch (Exception e) {
                // the test's own failure says what went wrong
            }
            live.close();
            runner.shutdownNow();
        }
        // the server stopped with the run
        assertThatThrownBy(() -> get(uri.resolve("live.json"))).isInstanceOf(ConnectException.class);
    }

    private static void metricsReadAsPrometheusText(URI uri, int epochs) throws Exception {
        HttpResponse<String> r = get(uri.resolve("metrics"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        PrometheusTextFormat.Exposition metrics = PrometheusTextFormat.parse(r.body());
        Map<String, String> hello = Map.of("experiment", "hello");
        assertThat(metrics.types()).containsEntry("rnnlab_epochs_completed", "gauge").containsEntry("rnnlab_steps_total", "counter");
        assertThat(metrics.find("rnnlab_epochs_completed", hello)).singleElement()
                // the reporters see an epoch's end before the gate holds it back from the page: one more at most
                .satisfies(s -> assertThat(s.value()).isBetween((double) epochs, epochs + 1.0));
        assertThat(metrics.find("rnnlab_epochs_planned", hello)).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(EPOCHS));
        assertThat(metrics.find("rnnlab_variants_planned", hello)).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(1));
        // hello trains one word per step, so steps are at least the epochs that ended
        assertThat(metrics.find("rnnlab_steps_total", hello)).singleElement()
                .satisfies(s -> assertThat(s.value()).isGreaterThanOrEqualTo(epochs));
        assertThat(metrics.find("rnnlab_metric", Map.of("experiment", "hello", "metric", "train.loss"))).singleElement()
                .satisfies(s -> assertThat(s.value()).isFinite().isPositive());
    }

    private static void notFoundOutsideThePages(URI uri) throws Exception {
        assertThat(get(URI.create(uri + "..%2f..%2f..%2fetc%2fpasswd")).statusCode()).isEqualTo(404);
        assertThat(get(uri.resolve("no-such-page.html")).statusCode()).isEqualTo(404);
    }

    private static JsonNode status(URI uri) throws Exception {
        return JSON.readTree(get(uri.resolve("live.json")).body());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    interface Probe {
        JsonNode read() throws Exception;
    }

    /** The first reading that {@code done} accepts, taken every 0.2 s; fails naming {@code what} after {@code seconds}. */
    private static JsonNode waitFor(String what, Probe probe, Predicate<JsonNode> done, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < until) {
            last = probe.read();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + seconds + " s; last reading: " + last);
    }

    /**
     * Lets an epoch end (its {@link EpochCompleted} go on to the live page) only with a permit from the test, or
     * once open; a permit that never comes lets go after 5 minutes, so a failed test never leaves a run hanging.
     */
    private static final class Gate implements EventSubscriber {
        private final Semaphore permits = new Semaphore(0);
        private volatile boolean open;

        @Override
        public void onEvent(org.rnnlab.api.event.Event event) throws InterruptedException {
            if (event instanceof EpochCompleted && !open) {
                permits.tryAcquire(5, TimeUnit.MINUTES);
            }
        }

        void allow(int epochs) {
            permits.release(epochs);
        }

        void open() {
            open = true;
            permits.release(Integer.MAX_VALUE / 2);
        }
    }
}
