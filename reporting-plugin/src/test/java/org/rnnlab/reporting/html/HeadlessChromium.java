package org.rnnlab.reporting.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in headless Chromium (Debian package {@code chromium}) with networking off, lets its
 * scripts run for a virtual 5 s, and returns the DOM or a screenshot. Each call is a fresh browser with
 * a throw-away profile.
 */
final class HeadlessChromium {
    static final Path BINARY = find();

    /** {@code -Drnnlab.chromium=PATH}, else {@code chromium} or {@code chromium-browser} on the PATH. */
    private static Path find() {
        String given = System.getProperty("rnnlab.chromium");
        if (given != null) {
            return Path.of(given);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return Path.of("/usr/bin/chromium");
    }

    private final Path profile;

    HeadlessChromium(Path scratch) {
        this.profile = scratch;
    }

    record Result(String stdout, String stderr) {}

    Result dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, List.of("--dump-dom"));
    }

    /** The DOM of {@code page#fragment}: a page may read its fragment as an instruction (chorales: {@code play-all}). */
    Result dumpDom(Path page, String fragment) throws IOException, InterruptedException {
        return run(page, "#" + fragment, List.of("--dump-dom"));
    }

    Result screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
    }

    private Result run(Path page, List<String> action) throws IOException, InterruptedException {
        return run(page, "", action);
    }

    private Result run(Path page, String fragment, List<String> action) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package chromium (.ci/run does)");
        }
        Path dir = Files.createTempDirectory(profile, "chromium-");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--mute-audio", "--user-data-dir=" + dir.toAbsolutePath(),
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
        command.addAll(action);
        command.add(page.toAbsolutePath().toUri() + fragment);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a cold start of Chromium on a busy 2-core machine takes a few seconds; 90 s means it hung
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s on " + page);
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
