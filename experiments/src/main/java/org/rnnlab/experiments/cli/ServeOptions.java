package org.rnnlab.experiments.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.experiments.live.LiveView;
import org.rnnlab.runtime.PluginRegistry;
import picocli.CommandLine.Option;

/** The live-view options of {@code lab run}: {@code --serve [PORT]}, {@code --bind ADDR}, {@code --keep-serving}. */
final class ServeOptions {
    /** What picocli puts in {@link #port} for a {@code --serve} without a number. */
    private static final int DEFAULT = -1;

    @Option(names = "--serve", arity = "0..1", paramLabel = "PORT", fallbackValue = "" + DEFAULT,
            description = "Serve the comparison page while the run goes, updated as epochs end, and the meters in the "
                    + "Prometheus format at /metrics: on port PORT (without it " + LiveView.DEFAULT_PORT
                    + ", or a free port if that is in use; 0: any free port). The URL is printed; the server stops "
                    + "when the run ends unless --keep-serving.")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "The address --serve listens on (default 127.0.0.1: this machine only; 0.0.0.0: every interface).")
    String bind;

    @Option(names = "--keep-serving", description = "With --serve: after the run, go on serving its final pages until Ctrl-C.")
    boolean keepServing;

    /** Checks the options together; throws before anything runs. */
    void check() {
        if (port == null && (bind != null || keepServing)) {
            throw new ConfigException((bind != null ? "--bind" : "--keep-serving") + " needs --serve");
        }
        if (port != null && port != DEFAULT && (port < 0 || port > 65535)) {
            throw new ConfigException("--serve: port " + port + " is not a port (0 to 65535; 0: any free port)");
        }
    }

    /** The live view asked for, started; null when {@code --serve} was not given. */
    LiveView start(PluginRegistry registry, EventHistory history, PrintWriter out) {
        check();
        if (port == null) {
            return null;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind == null ? "127.0.0.1" : bind); // a literal is not looked up
        } catch (UnknownHostException e) {
            throw new ConfigException("--bind: '" + bind + "' is no address of this machine (" + e.getMessage() + ")");
        }
        return LiveView.start(registry, address, port == DEFAULT ? null : port, history, out);
    }

    /** {@code others}, and the live view's page when there is one. */
    static List<EventSubscriber> subscribers(LiveView live, List<EventSubscriber> others) {
        return live == null ? others : live.subscribers(others);
    }
}
