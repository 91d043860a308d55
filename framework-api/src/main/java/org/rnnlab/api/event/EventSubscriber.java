package org.rnnlab.api.event;

/** Receives events from an {@link EventBus}. */
@FunctionalInterface
public interface EventSubscriber {

    /** Handles one event; may throw, which the bus reports without stopping the run. */
    void onEvent(Event event) throws Exception;

    /**
     * Whether the bus may deliver to this subscriber on a thread of its own (for slow work such as
     * writing files); order within a run is kept either way.
     */
    default boolean asynchronous() {
        return false;
    }
}
