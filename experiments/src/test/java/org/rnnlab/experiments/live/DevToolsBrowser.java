package org.rnnlab.experiments.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium (Debian package {@code chromium}) driven over the DevTools protocol, so that one page
 * can be watched while it changes: {@link #open} navigates its tab, {@link #evaluate} runs an expression in
 * the page as it is now, and {@link #problems()} lists every uncaught exception, {@code console.error} and
 * error-level log entry (failed loads included) since the browser started. Networking other than the
 * pages' own is off; the profile is thrown away. Its waits are long (120 s): a 2-core machine at load 30
 * answered a local WebSocket handshake in over 30 s.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    /** Held for the browser's life: an HttpClient nobody references may stop its selector mid-handshake. */
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSocket socket;
    private String session;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private DevToolsBrowser(Process process) {
        this.process = process;
    }

    static DevToolsBrowser start(Path profile) throws Exception {
        Path binary = binary();
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--mute-audio", "--user-data-dir=" + profile.toAbsolutePath(),
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI browser = listening(p);
            DevToolsBrowser b = new DevToolsBrowser(p);
            // one socket to the browser and a flat session on a new tab: no HTTP request beside it
            b.socket = b.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(120))
                    .buildAsync(browser, b.new Listener()).get(120, TimeUnit.SECONDS);
            String target = b.call("Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                    .path("targetId").asText();
            b.session = b.call("Target.attachToTarget", JSON.createObjectNode().put("targetId", target).put("flatten", true))
                    .path("sessionId").asText();
            b.call("Runtime.enable", JSON.createObjectNode());
            b.call("Log.enable", JSON.createObjectNode());
            b.call("Page.enable", JSON.createObjectNode());
            return b;
        } catch (Exception | Error e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Loads {@code url} in the tab (the call returns when navigation began). */
    void open(URI url) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("url", url.toString());
        call("Page.navigate", params);
    }

    /** The value of {@code expression} in the page now (primitives and JSON-able values); null if it threw. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("returnByValue", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            return null;
        }
        return result.path("result").path("value");
    }

    /** Every problem the page reported so far, one line each. */
    List<String> problems() {
        return new ArrayList<>(problems);
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (session != null) {
            message.put("sessionId", session);
        }
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(120, TimeUnit.SECONDS);
        JsonNode reply = answer.get(120, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser is ended below either way
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    handle(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    problems.add("unreadable DevTools message: " + e.getMessage());
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(JsonNode m) {
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
                return;
            }
            JsonNode p = m.path("params");
            switch (m.path("method").asText()) {
                case "Runtime.exceptionThrown" -> problems.add("uncaught: " + p.path("exceptionDetails").path("exception")
                        .path("description").asText(p.path("exceptionDetails").path("text").asText()));
                case "Runtime.consoleAPICalled" -> {
                    if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
                        problems.add("console." + p.path("type").asText() + ": " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        problems.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                    }
                }
                default -> { }
            }
        }
    }

    private static URI listening(Process p) throws Exception {
        CompletableFuture<URI> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    }
                }
                found.completeExceptionally(new IllegalStateException("chromium ended without a DevTools address"));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        // a cold start of Chromium takes seconds, and over a minute on a 2-core machine at load 30; 180 s means it hung
        return found.get(180, TimeUnit.SECONDS);
    }

    /** {@code -Drnnlab.chromium=PATH}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    private static Path binary() {
        String given = System.getProperty("rnnlab.chromium");
        if (given != null) {
            return Path.of(given);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("chromium is missing: install the Debian package chromium (.ci/run does)");
    }
}
