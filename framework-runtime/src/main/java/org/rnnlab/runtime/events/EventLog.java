package org.rnnlab.runtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.runtime.BoundedInputStream;

/**
 * The event log of an experiment run: {@code <run>/events.jsonl}, every event the run published, one
 * JSON object per line (UTF-8, {@code \n} line ends), appended as they happen ({@link EventLogWriter}) and
 * read back in order ({@link #history}) to rebuild reports ({@code lab report}) or to continue them
 * ({@code lab run --resume}, which appends to the same log).
 *
 * <p>The first line names the format: {@code {"format":"rnnlab-events","version":5}}. Every other line
 * is one event: {@code "event"} is the record's simple name, {@code "experiment"} its experiment, and the
 * other fields are the record's components by name. Version 5 (version 4, still read, lacks
 * {@code EmbeddingImported} and {@code EmbeddingMap}; version 3 also lacks {@code learningRate} and
 * {@code compared}, which read as unknown; version 2 also lacks {@code DataExcerpts}; version 1 also lacks
 * {@code AttentionMaps} and {@code ClaimChecked}):
 * <pre>
 * ExperimentStarted   description, runDirectory, variants {variant: {key: value}}, provenance {key: value}
 * RunStarted          variant, settings {key: value}, seed, runDirectory, epochs
 * DataExcerpts        variant, split, excerpts [text] (version 3)
 * EmbeddingImported   variant, file, found, words, trainable (true | false) (version 5)
 * BatchCompleted      variant, epoch, batch, batches, loss
 * EpochCompleted      variant, epoch, metrics {name: number}, timings {name: number},
 *                     learningRate (version 4; absent when not known)
 * GradientStats       variant, epoch, globalNorm, parameterNorms {parameter: number}, flow [number]
 * Evaluation          variant, epoch, split, labels [label], counts [[count]] (actual, then predicted)
 * Samples             variant, epoch, samples [text], novelShare
 * AttentionMaps       variant, epoch, split, maps [{source [token], output [token], weights [[number]]}] (version 2)
 * EmbeddingMap        variant, table, words [word], projections [{method, explanation, x [number], y [number]}],
 *                     probes [{word, neighbours [{word, similarity}]}] (version 5)
 * Checkpointed        variant, epoch, file
 * RunDiverged         variant, epoch, step, lastFiniteLoss, reason
 * RunFailed           variant, message
 * RunCompleted        variant, status, finalMetrics {name: number}, bestMetrics {name: number}, wallMillis,
 *                     best {epoch, metric, value, restored} (absent when no epoch completed, and in older logs)
 * ClaimChecked        claim, source, verdict (HOLDS | FAILS | NOT_MEASURED | NOT_CHECKED), measured {name: number}, detail (version 2),
 *                     compared {metric, best, bestFirst [group]} (version 4; absent for a threshold)
 * ExperimentCompleted runDirectory, status {variant: status}, wallMillis
 * </pre>
 * A status is {@code COMPLETED}, {@code STOPPED_EARLY}, {@code DIVERGED} or {@code FAILED}. Numbers are
 * JSON numbers that read back to the same double, or {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}; keys are sorted; paths inside the run folder are relative to it ({@code "."} is the
 * folder). A field may be added to an event without a new version (readers ignore what they do not
 * know); removing or renaming one, or a new event type, makes a new version (AttentionMaps and ClaimChecked made 2,
 * DataExcerpts 3; the learning rate per epoch and the groups a claim compares made 4, so that a reader can
 * tell a log without them from one whose trainer did not say; EmbeddingImported and EmbeddingMap 5).
 *
 * <p>A process killed while writing leaves at most a torn last line without its {@code \n}: readers skip
 * it and the next writer cuts it off before appending. Any other malformed line is an error naming the
 * file and line.
 */
public final class EventLog {
    /** The log's file name in the run folder. */
    public static final String FILE = "events.jsonl";
    /** The format's name in the first line. */
    public static final String FORMAT = "rnnlab-events";
    /** The version this runtime writes and the newest it reads. */
    public static final int VERSION = 5;

    static final String TYPE = "event";
    static final ObjectMapper JSON = new ObjectMapper();

    private EventLog() {}

    /** The log of the run in {@code runDirectory}. */
    public static Path file(Path runDirectory) {
        return runDirectory.resolve(FILE);
    }

    /** Whether the run in {@code runDirectory} has an event log (runs made before rnnlab kept one do not). */
    public static boolean exists(Path runDirectory) {
        return Files.isRegularFile(file(runDirectory));
    }

    /**
     * The events logged in {@code runDirectory} so far: every complete line there is now, replayed from
     * the file each time (events appended later are not part of it). The log is read through once here,
     * so a folder without a log, or a log with a malformed line, is an error now (naming the file and
     * line), before anything is built on it.
     */
    public static EventHistory history(Path runDirectory) {
        Path dir = runDirectory.toAbsolutePath().normalize();
        if (!exists(dir)) {
            throw new RnnlabException(dir + " has no event log (" + FILE + "): it is no run folder, or a run made "
                    + "before rnnlab kept one");
        }
        long length;
        try (FileChannel channel = FileChannel.open(file(dir))) {
            length = completeLength(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event log " + file(dir) + ": " + e.getMessage(), e);
        }
        EventHistory history = subscriber -> replay(dir, length, subscriber);
        try {
            history.replay(event -> { });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UncheckedIOException("cannot read the event log " + file(dir) + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        return history;
    }

    private static void replay(Path dir, long length, EventSubscriber subscriber) throws Exception {
        Path file = file(dir);
        EventJson codec = new EventJson(dir);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new BoundedInputStream(Files.newInputStream(file), length), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            if (line == null) {
                return; // empty, or a torn header: the log was being created when its process stopped
            }
            header(file, line);
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                Event event;
                try {
                    event = codec.read(JSON.readTree(line));
                } catch (IOException | IllegalArgumentException | NullPointerException e) {
                    throw new RnnlabException(file + " line " + number + ": " + message(e));
                }
                subscriber.onEvent(event);
            }
        }
    }

    /**
     * The length of the log's complete lines: the position after its last {@code \n}. What follows is a
     * line torn by a killed process.
     */
    static long completeLength(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (end > 0) {
            long from = Math.max(0, end - buffer.capacity());
            buffer.clear().limit((int) (end - from));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // read the whole block
            }
            for (int i = (int) (end - from) - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }

    /** Checks the first line; an empty file is a log that was being created when its process stopped. */
    static void header(Path file, String line) {
        if (line == null) {
            return;
        }
        JsonNode h;
        try {
            h = JSON.readTree(line);
        } catch (IOException e) {
            throw new RnnlabException(file + " line 1: not an rnnlab event log (" + message(e) + ")");
        }
        if (h == null || !FORMAT.equals(h.path("format").asText())) {
            throw new RnnlabException(file + " line 1: not an rnnlab event log (expected {\"format\":\"" + FORMAT
                    + "\",\"version\":" + VERSION + "})");
        }
        int version = h.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new RnnlabException(file + " is event log version " + h.path("version")
                    + "; this rnnlab reads versions 1 to " + VERSION + " (a newer rnnlab wrote it)");
        }
    }

    /** The header line, without its line end. */
    static String headerLine() {
        return "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}";
    }

    private static String message(Exception e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
