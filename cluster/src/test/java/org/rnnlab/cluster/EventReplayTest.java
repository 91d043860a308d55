package org.rnnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;

/**
 * A variant lost at any point of its run and trained again from its last announced checkpoint reaches the bus
 * exactly as an uninterrupted run's events: none missing, none twice. The runs are modelled on the trainer's
 * order (preamble, then per epoch batches and the checkpoint, then the end), which training repeats exactly.
 */
class EventReplayTest {
    private static final int EPOCHS = 3;
    private static final int BATCHES = 3;

    @Test
    void aRunLostAfterAnyEventAndResumedFromItsLastCheckpointIsPublishedExactlyOnce() {
        List<Event> whole = run();
        for (int lost = 0; lost <= whole.size(); lost++) {
            EventReplay replay = new EventReplay();
            List<Event> published = new ArrayList<>();
            int checkpoint = 0;
            for (Event e : whole.subList(0, lost)) {
                assertThat(replay.accept(e)).isTrue();
                published.add(e);
                if (e instanceof Checkpointed c) {
                    checkpoint = c.epoch();
                }
            }
            replay.restart(checkpoint);
            for (Event e : resumedFrom(checkpoint)) {
                if (replay.accept(e)) {
                    published.add(e);
                }
            }
            assertThat(published).as("lost after %d events, resumed from epoch %d", lost, checkpoint).isEqualTo(whole);
        }
    }

    @Test
    void aRunLostTwiceIsStillPublishedExactlyOnce() {
        List<Event> whole = run();
        EventReplay replay = new EventReplay();
        List<Event> published = new ArrayList<>();
        // first attempt: to the middle of epoch 2 (checkpoint 1 announced)
        for (Event e : whole.subList(0, indexOfBatch(whole, 2, 2))) {
            replay.accept(e);
            published.add(e);
        }
        // second attempt from checkpoint 1: lost in epoch 3, after checkpoint 2
        replay.restart(1);
        List<Event> second = resumedFrom(1);
        for (Event e : second.subList(0, second.indexOf(batch(3, 2)))) {
            if (replay.accept(e)) {
                published.add(e);
            }
        }
        replay.restart(2);
        for (Event e : resumedFrom(2)) {
            if (replay.accept(e)) {
                published.add(e);
            }
        }
        assertThat(published).isEqualTo(whole);
    }

    @Test
    void aCheckpointNeverAnnouncedPublishesEverythingAfterThePreambleRatherThanLoseEvents() {
        EventReplay replay = new EventReplay();
        List<Event> whole = run();
        whole.subList(0, 4).forEach(replay::accept); // preamble and batch 1 of epoch 1
        replay.restart(2);
        List<Event> again = resumedFrom(2);
        assertThat(again.stream().filter(replay::accept).toList()).isEqualTo(again.subList(2, again.size()));
    }

    @Test
    void aFailureOfTheNewAttemptBeforeItsPreambleIsPublished() {
        EventReplay replay = new EventReplay();
        run().subList(0, 4).forEach(replay::accept);
        replay.restart(0);
        RunFailed failed = new RunFailed("x", "v", "disk full");
        assertThat(replay.accept(failed)).isTrue();
    }

    @Test
    void aFirstAttemptPublishesEverything() {
        EventReplay replay = new EventReplay();
        replay.restart(0); // a resumed run's first attempt: nothing was published by this coordinator
        assertThat(run().stream().allMatch(replay::accept)).isTrue();
    }

    /** An uninterrupted run: excerpts, start, then per epoch its batches and checkpoint, then the end. */
    private static List<Event> run() {
        List<Event> events = new ArrayList<>(preamble());
        events.addAll(epochsAfter(0));
        return events;
    }

    /** What a run resumed from the checkpoint of {@code epoch} publishes. */
    private static List<Event> resumedFrom(int epoch) {
        List<Event> events = new ArrayList<>(preamble());
        events.addAll(epochsAfter(epoch));
        return events;
    }

    private static List<Event> preamble() {
        return List.of(new DataExcerpts("x", "v", "test", List.of("abc")),
                new RunStarted("x", "v", Map.of("cell", "gru"), 1, Path.of("v"), EPOCHS));
    }

    private static List<Event> epochsAfter(int done) {
        List<Event> events = new ArrayList<>();
        for (int epoch = done + 1; epoch <= EPOCHS; epoch++) {
            for (int b = 1; b <= BATCHES; b++) {
                events.add(batch(epoch, b));
            }
            events.add(new Checkpointed("x", "v", epoch, Path.of("v/checkpoint/epoch-000" + epoch + ".ckpt")));
        }
        events.add(new RunFailed("x", "v", "stands for the run's end events"));
        return events;
    }

    private static BatchCompleted batch(int epoch, int b) {
        return new BatchCompleted("x", "v", epoch, b, BATCHES, epoch + b / 10.0);
    }

    private static int indexOfBatch(List<Event> events, int epoch, int b) {
        return events.indexOf(batch(epoch, b));
    }
}
