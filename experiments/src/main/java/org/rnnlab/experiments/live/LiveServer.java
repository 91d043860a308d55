package org.rnnlab.experiments.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.rnnlab.api.report.PrometheusText;

/**
 * The HTTP side of the live view (the JDK's {@code jdk.httpserver}): {@code /} the comparison page,
 * the other pages and files the reporters wrote beside it, {@code /live.json} the run's status for the
 * pages' polling script, and {@code /metrics} the meters in the Prometheus text format. Only GET and HEAD;
 * nothing outside the pages' folder is served.
 */
final class LiveServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "csv", "text/csv; charset=utf-8", "json", "application/json", "txt", "text/plain; charset=utf-8",
            "png", "image/png", "svg", "image/svg+xml", "mid", "audio/midi", "js", "text/javascript; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService threads;
    private final LivePage page;
    private final Supplier<String> metrics;
    private volatile long lastPoll;
    private volatile boolean finishSeen;

    private LiveServer(HttpServer server, ExecutorService threads, LivePage page, Supplier<String> metrics) {
        this.server = server;
        this.threads = threads;
        this.page = page;
        this.metrics = metrics;
    }

    /** Listens on {@code address} (port 0: any free port); a port in use throws {@link java.net.BindException}. */
    static LiveServer start(InetSocketAddress address, LivePage page, Supplier<String> metrics) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        AtomicInteger n = new AtomicInteger();
        // two threads, so that /metrics answers while a page is being rebuilt; daemons never keep lab alive
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "rnnlab-live-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LiveServer live = new LiveServer(server, threads, page, metrics);
        server.createContext("/", live::handle);
        server.setExecutor(threads);
        server.start();
        return live;
    }

    /** The address actually bound, as a URL ending in {@code /}. */
    URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (a.getAddress() instanceof Inet6Address) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /**
     * Waits up to {@code millis} for a page that polled in the last few seconds to see the finished run, so that
     * an open browser shows the final pages rather than a stopped server.
     */
    void letViewersSeeTheEnd(long millis) throws InterruptedException {
        long watched = System.nanoTime() - lastPoll;
        if (lastPoll == 0 || watched > 3L * LivePage.POLL_MILLIS * 1_000_000L) {
            return;
        }
        long until = System.nanoTime() + millis * 1_000_000L;
        while (!finishSeen && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/live.json" -> {
                    LivePage.Status s = page.status();
                    lastPoll = System.nanoTime();
                    if (s.state().equals("finished")) {
                        finishSeen = true;
                    }
                    send(exchange, 200, "application/json", JSON.writeValueAsString(s.json()));
                }
                case "/metrics" -> send(exchange, 200, PrometheusText.CONTENT_TYPE, metrics.get());
                case "/favicon.ico" -> send(exchange, 204, null, "");
                default -> file(exchange, path);
            }
        } catch (Exception e) {
            // the pages could not be rebuilt: say why on the page rather than leaving the browser waiting
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            try {
                send(exchange, 500, "text/plain; charset=utf-8", "rnnlab live view: " + why + "\n");
            } catch (IOException | IllegalStateException alreadySent) {
                // the answer had begun (the browser went away mid-file): nothing more can be said on it
            }
        }
    }

    private void file(HttpExchange exchange, String path) throws Exception {
        LivePage.Built built = page.pages();
        String name = path.equals("/") ? "comparison.html" : path.substring(1);
        Path folder = built.folder().toAbsolutePath().normalize();
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            if (path.equals("/")) {
                send(exchange, 200, TYPES.get("html"), page.waitingPage());
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
            }
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        if (extension.equals("html")) {
            send(exchange, 200, type, LivePage.live(built.status(), Files.readString(file, StandardCharsets.UTF_8)));
        } else {
            send(exchange, 200, type, Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean empty = status == 204 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
