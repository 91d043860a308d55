package org.rnnlab.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rnnlab.experiments.cli.InProcessLab.lab;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.experiments.live.LiveView;

/**
 * {@code lab run NAME --serve}: the URL actually bound is printed, on the loopback address; the server
 * stops with the run; a given port in use, a port out of range and {@code --bind} without {@code --serve}
 * are refused before any run folder is made; a busy default port gives way to a free one.
 */
class ServeOptionsTest {
    private static final Pattern URL = Pattern.compile("live view: http://127\\.0\\.0\\.1:(\\d+)/ ");

    @TempDir
    Path runs;

    @Test
    void servesOnALoopbackPortWhileTheRunGoesAndStopsWithIt() throws Exception {
        InProcessLab.Result r = lab("run", "hello", "--quick", "--serve", "0", "--threads", "1", "--out", runs.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Matcher m = URL.matcher(r.out());
        assertThat(m.find()).as("the URL in\n" + r.out()).isTrue();
        int port = Integer.parseInt(m.group(1));
        assertThat(r.out()).contains("http://127.0.0.1:" + port + "/metrics", "COMPLETED");
        assertThat(refused(port)).as("port " + port + " closed after the run").isTrue();
    }

    @Test
    void aGivenPortInUseIsRefusedBeforeAnythingRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            InProcessLab.Result r = lab("run", "hello", "--quick", "--serve", "" + taken.getLocalPort(), "--out", runs.toString());
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("--serve: port " + taken.getLocalPort() + " on 127.0.0.1 is in use",
                    "--serve 0 for any free one");
            assertThat(Files.list(runs)).as("no run folder").isEmpty();
        }
    }

    @Test
    void aBusyDefaultPortGivesWayToAFreeOne() throws Exception {
        ServerSocket held = null;
        try {
            held = new ServerSocket();
            held.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), LiveView.DEFAULT_PORT));
        } catch (BindException alreadyBusy) {
            held = null; // something else holds it: busy all the same
        }
        try {
            InProcessLab.Result r = lab("run", "hello", "--quick", "--serve", "--threads", "1", "--out", runs.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("live view: port " + LiveView.DEFAULT_PORT + " is in use, so a free port was taken");
            Matcher m = URL.matcher(r.out());
            assertThat(m.find()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isNotEqualTo(LiveView.DEFAULT_PORT);
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    @Test
    void optionsThatCannotWorkAreRefusedWithOneLine() throws Exception {
        InProcessLab.Result bind = lab("run", "hello", "--quick", "--bind", "127.0.0.1", "--out", runs.toString());
        assertThat(bind.exit()).isEqualTo(2);
        assertThat(bind.err()).contains("--bind needs --serve");
        InProcessLab.Result keep = lab("run", "hello", "--quick", "--keep-serving", "--out", runs.toString());
        assertThat(keep.exit()).isEqualTo(2);
        assertThat(keep.err()).contains("--keep-serving needs --serve");
        InProcessLab.Result port = lab("run", "hello", "--quick", "--serve", "70000", "--out", runs.toString());
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).contains("--serve: port 70000 is not a port");
        assertThat(Files.list(runs)).as("no run folder").isEmpty();
    }

    private static boolean refused(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }
}
