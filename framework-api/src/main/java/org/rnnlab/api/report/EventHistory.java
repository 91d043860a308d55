package org.rnnlab.api.report;

import java.util.List;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;

/**
 * The events an experiment run recorded before now, in the order they were recorded: what an earlier
 * process of a resumed run ({@code lab run --resume}) saw, or a whole finished run for
 * {@code lab report RUN_DIR}. The runtime reads them from the run's event log ({@code events.jsonl});
 * a history can be replayed any number of times, each replay reading afresh.
 */
@FunctionalInterface
public interface EventHistory {

    /** No earlier events: a fresh run. */
    EventHistory NONE = subscriber -> { };

    /**
     * Hands every recorded event to {@code subscriber}, in order, on the calling thread. An exception of
     * the subscriber ends the replay and is thrown on; a log that cannot be read is an error naming the
     * file and line.
     */
    void replay(EventSubscriber subscriber) throws Exception;

    /** A history of exactly these events (tests, and events already in memory). */
    static EventHistory of(List<? extends Event> events) {
        List<Event> copy = List.copyOf(events);
        return subscriber -> {
            for (Event e : copy) {
                subscriber.onEvent(e);
            }
        };
    }
}
