package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.EventSubscriber;

/**
 * A synchronous bus that keeps every event. Unlike the runtime's bus it lets a hook's exception reach
 * the publisher, which is how tests stop a run in the middle as a kill would.
 */
final class RecordingBus implements EventBus {
    final List<Event> events = new ArrayList<>();
    private final Consumer<Event> hook;

    RecordingBus() {
        this(e -> {});
    }

    RecordingBus(Consumer<Event> hook) {
        this.hook = hook;
    }

    @Override
    public void publish(Event event) {
        events.add(event);
        hook.accept(event);
    }

    @Override
    public Subscription subscribe(EventSubscriber subscriber) {
        throw new UnsupportedOperationException("tests read the recorded events");
    }

    <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
