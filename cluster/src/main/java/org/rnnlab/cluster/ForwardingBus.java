package org.rnnlab.cluster;

import com.hazelcast.collection.IQueue;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.runtime.events.EventLines;

/**
 * The event bus of a variant a member trains: every event goes, in order, as an event-log line onto the
 * variant's queue, which the coordinator reads; a {@link Checkpointed} event is followed by putting the
 * checkpoint's file into the replicated checkpoint map (after the event, see {@link EventReplay}). Publishing
 * returns once the queue and the map (and their backups) hold it.
 */
final class ForwardingBus implements EventBus {
    private final IQueue<String> queue;
    private final IMap<String, CheckpointFiles.Entry> checkpoints;
    private final String key;
    private final EventLines lines;
    private final Traffic traffic;

    ForwardingBus(IQueue<String> queue, IMap<String, CheckpointFiles.Entry> checkpoints, String key, EventLines lines,
                  Traffic traffic) {
        this.queue = queue;
        this.checkpoints = checkpoints;
        this.key = key;
        this.lines = lines;
        this.traffic = traffic;
    }

    @Override
    public void publish(Event event) {
        String line = lines.write(event);
        try {
            queue.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + event.getClass().getSimpleName(), e);
        }
        traffic.eventLines.incrementAndGet();
        traffic.eventBytes.addAndGet(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        if (event instanceof Checkpointed c) {
            try {
                byte[] bytes = Files.readAllBytes(c.file());
                checkpoints.set(key, new CheckpointFiles.Entry(c.epoch(), c.file().getFileName().toString(), bytes));
                traffic.checkpointBytes.addAndGet(bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read checkpoint " + c.file() + " to share it: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Subscription subscribe(EventSubscriber subscriber) {
        throw new UnsupportedOperationException("a cluster member's variant bus only forwards events to the coordinator");
    }
}
