package org.rnnlab.experiments.live;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.ComponentKind;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.report.PrometheusText;
import org.rnnlab.api.report.ReporterFactory;

/**
 * {@code lab run NAME --serve}: the run's pages served on {@code http://ADDRESS:PORT/} while it goes, rebuilt
 * from its events as epochs end ({@link LivePage}), and its meters at {@code /metrics}. Opened before the run,
 * subscribed to its bus ({@link #subscribers}), closed after it: {@link #close} stops the server once an
 * open page has seen the finished run, and deletes the pages' folder (the run's own reports are in the run
 * directory).
 */
public final class LiveView implements AutoCloseable {
    /** The port of {@code --serve} without a number; a free one is taken when it is in use. */
    public static final int DEFAULT_PORT = 8765;

    private final LivePage page;
    private final LiveServer server;
    private final Path folder;

    private LiveView(LivePage page, LiveServer server, Path folder) {
        this.page = page;
        this.server = server;
        this.folder = folder;
    }

    /**
     * Starts serving on {@code address}:{@code port} ({@code port} 0: any free port; {@code port} null: {@link
     * #DEFAULT_PORT}, or any free port if that one is in use) and prints the URL actually bound. A given port in use
     * is a {@link ConfigException} saying so.
     */
    public static LiveView start(ComponentRegistry registry, InetAddress address, Integer port, EventHistory history,
                                 PrintWriter out) {
        List<ReporterFactory> reporters = registry.all(ComponentKind.REPORTER);
        Path folder;
        try {
            folder = Files.createTempDirectory("rnnlab-live-");
        } catch (IOException e) {
            throw new UncheckedIOException("--serve: cannot create a folder for the live pages: " + e.getMessage(), e);
        }
        try {
            LivePage page = new LivePage(reporters, folder, history);
            int wanted = port == null ? DEFAULT_PORT : port;
            LiveServer server;
            try {
                server = LiveServer.start(new InetSocketAddress(address, wanted), page, () -> scrape(reporters));
            } catch (BindException e) {
                if (port != null) {
                    throw new ConfigException("--serve: port " + wanted + " on " + address.getHostAddress()
                            + " is in use (" + e.getMessage() + "); give another port, or --serve 0 for any free one");
                }
                server = LiveServer.start(new InetSocketAddress(address, 0), page, () -> scrape(reporters));
                out.println("live view: port " + wanted + " is in use, so a free port was taken");
            }
            URI uri = server.uri();
            out.println("live view: " + uri + " (meters in the Prometheus format: " + uri.resolve("metrics") + ")"
                    + (address.isAnyLocalAddress() ? " on every interface of this machine" : ""));
            if (!address.isLoopbackAddress()) {
                out.println("live view: other machines can reach it; it has no password, and shows the run's data");
            }
            out.flush();
            return new LiveView(page, server, folder);
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException("--serve: cannot serve on " + address.getHostAddress() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            delete(folder); // the history of a resumed run could not be read
            throw new RnnlabException("--serve: cannot read the run's earlier events: " + e.getMessage(), e);
        }
    }

    /** {@code others} and the live page: what the runner subscribes besides the reporters. */
    public List<EventSubscriber> subscribers(List<EventSubscriber> others) {
        List<EventSubscriber> all = new ArrayList<>(others);
        all.add(page);
        return List.copyOf(all);
    }

    /** Where the live view listens. */
    public URI uri() {
        return server.uri();
    }

    /** {@code --keep-serving}: serves the final pages until the process is stopped (Ctrl-C). */
    public void serveUntilStopped(PrintWriter out) throws InterruptedException {
        out.println("live view: serving the finished run at " + uri() + " until Ctrl-C");
        out.flush();
        new CountDownLatch(1).await();
    }

    @Override
    public void close() {
        try {
            server.letViewersSeeTheEnd(3L * LivePage.POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            delete(folder);
        }
    }

    /** Every reporter's meters that can be read as Prometheus text; a comment line when there are none. */
    private static String scrape(List<ReporterFactory> reporters) {
        StringBuilder text = new StringBuilder();
        for (ReporterFactory r : reporters) {
            if (r instanceof PrometheusText p) {
                text.append(p.scrape());
            }
        }
        return text.isEmpty() ? "# no reporter with meters is loaded (the micrometer reporter of the reporting plugin has them)\n"
                : text.toString();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is the operating system's to clean up
        }
    }
}
