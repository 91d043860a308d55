package org.rnnlab.runtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import org.rnnlab.api.event.Event;

/**
 * Events as the event log's lines (format {@link EventLog#VERSION}), with paths relative to a run folder: how
 * a cluster member sends the events of a variant it trains to the member that runs the experiment, which
 * reads them back against its own run folder.
 */
public final class EventLines {
    private final EventJson codec;

    /** Lines for the run in {@code runDirectory}: paths inside it are written relative to it. */
    public EventLines(Path runDirectory) {
        this.codec = new EventJson(runDirectory);
    }

    /** {@code event} as one line of JSON. */
    public String write(Event event) {
        try {
            return EventLog.JSON.writeValueAsString(codec.write(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The event {@code line} holds; {@link IllegalArgumentException} naming what is wrong with it. */
    public Event read(String line) {
        try {
            return codec.read(EventLog.JSON.readTree(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event line: " + e.getOriginalMessage(), e);
        }
    }
}
