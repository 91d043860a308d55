package org.rnnlab.api.event;

/**
 * Carries events from trainers to reporters. Every subscriber sees a run's events in the order they
 * were published. A subscriber that throws is reported and unsubscribed from nothing: training and the
 * other subscribers go on.
 */
public interface EventBus {

    /** Delivers {@code event} to every subscriber. Never null. */
    void publish(Event event);

    /** Adds a subscriber; events published after this call reach it. */
    Subscription subscribe(EventSubscriber subscriber);

    /** A registration that can be cancelled. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
