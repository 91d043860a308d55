package org.rnnlab.runtime.events;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;

/**
 * Appends every event of a run to its {@link EventLog}. It is flushed after every event but
 * {@link BatchCompleted} (so at least once per epoch, and before each checkpoint is announced): a run
 * killed at any point leaves every epoch it finished in the log. Delivered on the publishing thread
 * (not {@linkplain #asynchronous() asynchronously}), so a killed process loses no queued events.
 *
 * <p>Opening an existing log (a resumed run) checks its first line and cuts off a torn last line, then
 * appends.
 */
public final class EventLogWriter implements EventSubscriber, AutoCloseable {
    private final Path file;
    private final EventJson codec;
    private final Writer out;

    private EventLogWriter(Path file, EventJson codec, Writer out) {
        this.file = file;
        this.codec = codec;
        this.out = out;
    }

    /** Opens (creating if needed) the log of the run in {@code runDirectory}; an error names the file. */
    public static EventLogWriter open(Path runDirectory) {
        Path dir = runDirectory.toAbsolutePath().normalize();
        Path file = EventLog.file(dir);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                long end = cutTornTail(channel);
                if (end == 0) {
                    channel.write(ByteBuffer.wrap((EventLog.headerLine() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    end = channel.position(channel.size()).position();
                } else {
                    EventLog.header(file, firstLine(channel));
                }
                channel.position(end);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
            return new EventLogWriter(file, new EventJson(dir), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void onEvent(Event event) throws IOException {
        try {
            out.write(EventLog.JSON.writeValueAsString(codec.write(event)));
            out.write('\n');
            if (!(event instanceof BatchCompleted)) {
                out.flush();
            }
        } catch (IOException e) {
            // the stream's own message ("No space left on device") does not say which file
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The log's file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the event log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Truncates the file after its last {@code \n}; returns the new size. */
    private static long cutTornTail(FileChannel channel) throws IOException {
        long end = EventLog.completeLength(channel);
        if (end < channel.size()) {
            channel.truncate(end);
        }
        return end;
    }

    private static String firstLine(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
