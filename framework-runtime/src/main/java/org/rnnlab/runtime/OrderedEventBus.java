package org.rnnlab.runtime;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.RunEvent;

/**
 * An {@link EventBus} that keeps order and isolates failures.
 *
 * <p>A synchronous subscriber is called on the publishing thread, one event at a time (the bus holds a
 * lock per subscriber, so a reporter never sees two events at once even when variants publish from
 * several threads). An {@linkplain EventSubscriber#asynchronous() asynchronous} subscriber gets a queue
 * and a thread of its own: publishing only enqueues, so a slow reporter never holds training up, and the
 * queue delivers in the order events were published. Either way, events one thread publishes (a
 * variant's run) reach every subscriber in that order.
 *
 * <p>A subscriber that throws keeps receiving events; the publisher and the other subscribers never see
 * the exception. Its first failure is kept as one line ({@link #subscriberFailures()}: the subscriber's
 * name, the event, the message) for the caller to report at the end, so that a run whose report could not
 * be written never ends as if all went well. A failure other than an {@link IOException} (a bug rather
 * than a full disk or a read-only folder) is also logged through {@link System.Logger} with its stack
 * trace, once per subscriber and exception type. {@link #close()} delivers what is still queued.
 */
public final class OrderedEventBus implements EventBus, AutoCloseable {
    private static final long DRAIN_SECONDS = 600;

    private final System.Logger logger;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, String> firstFailures = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean closed;

    public OrderedEventBus() {
        this(System.getLogger(OrderedEventBus.class.getName()));
    }

    /** A bus reporting subscriber failures to {@code logger}. */
    public OrderedEventBus(System.Logger logger) {
        this.logger = logger;
    }

    @Override
    public void publish(Event event) {
        if (event == null) {
            throw new NullPointerException("event");
        }
        if (closed) {
            throw new IllegalStateException("the event bus is closed; " + describe(event) + " was not delivered");
        }
        for (Delivery d : deliveries) {
            d.accept(event);
        }
    }

    @Override
    public Subscription subscribe(EventSubscriber subscriber) {
        return subscribe(subscriber, name(subscriber));
    }

    /** Subscribes {@code subscriber} under {@code name}, which its failures are reported by ("report 'html'"). */
    public Subscription subscribe(EventSubscriber subscriber, String name) {
        if (closed) {
            throw new IllegalStateException("the event bus is closed");
        }
        Delivery d = subscriber.asynchronous() ? new Queued(subscriber, name) : new Direct(subscriber, name);
        deliveries.add(d);
        return () -> {
            if (deliveries.remove(d)) {
                d.finish();
            }
        };
    }

    /** How many times a subscriber has thrown so far (each is logged at most once per type). */
    public long failures() {
        return failures.get();
    }

    /**
     * The first failure of each subscriber that threw, one line each in subscription order:
     * "{@code name} failed on {@code event}: {@code message}". Complete once {@link #close()} returned.
     */
    public List<String> subscriberFailures() {
        synchronized (firstFailures) {
            return List.copyOf(firstFailures.values());
        }
    }

    /** Stops taking events and waits until every asynchronous subscriber has handled its queue. */
    @Override
    public void close() {
        closed = true;
        for (Delivery d : deliveries) {
            d.finish();
        }
        deliveries.clear();
    }

    private void deliver(EventSubscriber subscriber, String name, Set<Class<?>> reported, Event event) {
        try {
            subscriber.onEvent(event);
        } catch (Exception | LinkageError | AssertionError e) {
            failures.incrementAndGet();
            firstFailures.putIfAbsent(name, name + " failed on " + describe(event) + ": " + ErrorText.of(e));
            if (!(e instanceof IOException || e instanceof java.io.UncheckedIOException) && reported.add(e.getClass())) {
                logger.log(System.Logger.Level.WARNING, "event subscriber " + name + " failed on "
                        + describe(event) + ": " + ErrorText.of(e)
                        + " (it keeps receiving events; further " + e.getClass().getSimpleName()
                        + "s from it are not reported)", e);
            }
        }
    }

    private static String name(EventSubscriber subscriber) {
        String s = subscriber.toString();
        String type = subscriber.getClass().getName();
        return s.startsWith(type + "@") || s.startsWith(type) ? type : type + " (" + s + ")";
    }

    private static String describe(Event event) {
        String variant = event instanceof RunEvent r ? ", variant '" + r.variant() + "'" : "";
        return event.getClass().getSimpleName() + " of experiment '" + event.experiment() + "'" + variant;
    }

    private sealed interface Delivery permits Direct, Queued {
        void accept(Event event);

        void finish();
    }

    private final class Direct implements Delivery {
        private final EventSubscriber subscriber;
        private final String name;
        private final Set<Class<?>> reported = ConcurrentHashMap.newKeySet();

        Direct(EventSubscriber subscriber, String name) {
            this.subscriber = subscriber;
            this.name = name;
        }

        @Override
        public void accept(Event event) {
            synchronized (this) {
                deliver(subscriber, name, reported, event);
            }
        }

        @Override
        public void finish() {}
    }

    private final class Queued implements Delivery {
        private final EventSubscriber subscriber;
        private final String name;
        private final ExecutorService queue;
        private final Set<Class<?>> reported = ConcurrentHashMap.newKeySet();

        Queued(EventSubscriber subscriber, String name) {
            this.subscriber = subscriber;
            this.name = name;
            this.queue = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "rnnlab-events-" + subscriber.getClass().getSimpleName());
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public void accept(Event event) {
            try {
                queue.execute(() -> deliver(subscriber, name, reported, event));
            } catch (RejectedExecutionException e) {
                // unsubscribed while this event was being published: it is simply not delivered
            }
        }

        @Override
        public void finish() {
            queue.shutdown();
            try {
                if (!queue.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    logger.log(System.Logger.Level.WARNING, "event subscriber " + name
                            + " did not finish its queue within " + DRAIN_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
