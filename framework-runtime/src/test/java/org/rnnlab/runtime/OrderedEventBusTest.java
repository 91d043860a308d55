package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.event.RunEvent;

class OrderedEventBusTest {

    private static BatchCompleted batch(String variant, int i) {
        return new BatchCompleted("exp", variant, 1, i, 1000, 0.5);
    }

    @Test
    void everySubscriberSeesEventsInPublicationOrder() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        try (OrderedEventBus bus = new OrderedEventBus()) {
            bus.subscribe(e -> first.add(((BatchCompleted) e).batch()));
            bus.subscribe(e -> second.add(((BatchCompleted) e).batch()));
            for (int i = 0; i < 100; i++) {
                bus.publish(batch("a", i));
            }
        }
        assertThat(first).hasSize(100).isSorted();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aThrowingSubscriberIsReportedOncePerExceptionTypeAndStopsNothing() {
        CapturingLogger log = new CapturingLogger();
        List<Integer> healthy = new ArrayList<>();
        try (OrderedEventBus bus = new OrderedEventBus(log)) {
            bus.subscribe(new Exploding());
            bus.subscribe(e -> healthy.add(((BatchCompleted) e).batch()));
            for (int i = 0; i < 10; i++) {
                bus.publish(batch("lstm-h64", i)); // must not throw
            }
            assertThat(bus.failures()).isEqualTo(10);
        }
        assertThat(healthy).hasSize(10);
        // odd batches throw IllegalStateException, even ones IllegalArgumentException: two reports
        assertThat(log.messages).hasSize(2);
        assertThat(log.messages.getFirst())
                .contains(Exploding.class.getName())
                .contains("BatchCompleted of experiment 'exp', variant 'lstm-h64'")
                .contains("IllegalArgumentException: even batch 0");
        assertThat(log.messages.get(1)).contains("IllegalStateException: odd batch 1");
    }

    @Test
    void asynchronousSubscribersKeepEachPublishersOrderAndCloseDrainsThem() throws Exception {
        int publishers = 4;
        int perPublisher = 2_000;
        List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        OrderedEventBus bus = new OrderedEventBus();
        bus.subscribe(new EventSubscriber() {
            @Override public void onEvent(Event e) throws InterruptedException {
                if (((RunEvent) e).variant().equals("v0") && ((BatchCompleted) e).batch() % 500 == 0) {
                    Thread.sleep(5); // a slow reporter
                }
                seen.add((RunEvent) e);
            }
            @Override public boolean asynchronous() { return true; }
        });
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            String variant = "v" + p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perPublisher; i++) {
                    bus.publish(batch(variant, i));
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        bus.close();

        assertThat(seen).hasSize(publishers * perPublisher);
        for (int p = 0; p < publishers; p++) {
            String variant = "v" + p;
            List<Integer> order = seen.stream().filter(e -> e.variant().equals(variant))
                    .map(e -> ((BatchCompleted) e).batch()).toList();
            assertThat(order).as(variant).hasSize(perPublisher).isSorted();
        }
    }

    @Test
    void aSlowAsynchronousSubscriberDoesNotHoldThePublisherUp() {
        CountDownLatch release = new CountDownLatch(1);
        List<Event> seen = Collections.synchronizedList(new ArrayList<>());
        OrderedEventBus bus = new OrderedEventBus();
        bus.subscribe(new EventSubscriber() {
            @Override public void onEvent(Event e) throws InterruptedException {
                release.await();
                seen.add(e);
            }
            @Override public boolean asynchronous() { return true; }
        });
        for (int i = 0; i < 50; i++) {
            bus.publish(batch("a", i)); // returns although the subscriber is blocked
        }
        assertThat(seen).isEmpty();
        release.countDown();
        bus.close();
        assertThat(seen).hasSize(50);
    }

    @Test
    void synchronousSubscribersNeverSeeTwoEventsAtOnce() throws Exception {
        int[] inside = {0};
        int[] maxInside = {0};
        OrderedEventBus bus = new OrderedEventBus();
        bus.subscribe(e -> {
            inside[0]++;
            maxInside[0] = Math.max(maxInside[0], inside[0]);
            Thread.onSpinWait();
            inside[0]--;
        });
        Thread a = new Thread(() -> { for (int i = 0; i < 5_000; i++) bus.publish(batch("a", i)); });
        Thread b = new Thread(() -> { for (int i = 0; i < 5_000; i++) bus.publish(batch("b", i)); });
        a.start();
        b.start();
        a.join();
        b.join();
        bus.close();
        assertThat(maxInside[0]).isEqualTo(1);
    }

    @Test
    void aCancelledSubscriptionReceivesNothingMore() {
        List<Event> seen = new ArrayList<>();
        try (OrderedEventBus bus = new OrderedEventBus()) {
            var subscription = bus.subscribe(seen::add);
            bus.publish(batch("a", 0));
            subscription.close();
            bus.publish(batch("a", 1));
        }
        assertThat(seen).hasSize(1);
    }

    /** Throws on every event: IllegalArgumentException on even batches, IllegalStateException on odd. */
    static final class Exploding implements EventSubscriber {
        @Override public void onEvent(Event e) {
            int b = ((BatchCompleted) e).batch();
            if (b % 2 == 0) {
                throw new IllegalArgumentException("even batch " + b);
            }
            throw new IllegalStateException("odd batch " + b);
        }
    }

    /** Keeps what the bus logs. */
    static final class CapturingLogger implements System.Logger {
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());

        @Override public String getName() { return "capture"; }
        @Override public boolean isLoggable(Level level) { return true; }
        @Override public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) { messages.add(msg); }
        @Override public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            messages.add(java.text.MessageFormat.format(format, params));
        }
    }

}
