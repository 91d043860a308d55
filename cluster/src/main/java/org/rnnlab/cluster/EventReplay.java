package org.rnnlab.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.RunStarted;

/**
 * Which events of a variant the coordinator publishes when the variant is trained again after its member was
 * lost, so that every event reaches the reporters and the event log exactly once.
 *
 * <p>Training is deterministic: a run resumed from the checkpoint after epoch {@code c} publishes, after its
 * own {@link RunStarted}, exactly the events the lost attempt published after its {@link Checkpointed} of epoch
 * {@code c} (timings aside). So the coordinator remembers how many events it had published when each
 * checkpoint was announced; a new attempt from checkpoint {@code c} repeats its preamble (data excerpts, the
 * embedding it imported, {@code RunStarted}), which is dropped when it was published before, and then the
 * {@code published - published(c)} events the lost attempt already delivered, which are dropped too, each as
 * long as it is of the kind published at its place (a new attempt that goes another way, say fails on the new
 * member, is published from there on). Members announce a checkpoint on the event queue before they put it
 * into the replicated map, so a checkpoint a new attempt can start from was always announced. Should its
 * position be unknown all the same, everything is published: the reporters let a repeated epoch replace the
 * first.
 */
final class EventReplay {
    private final List<Class<?>> published = new ArrayList<>();
    private final Map<Integer, Integer> publishedAtCheckpoint = new HashMap<>();
    private final Set<Class<?>> preambleSeen = new HashSet<>();
    private boolean inPreamble;
    /** While a new attempt repeats what was published: the place in {@link #published} it has reached; else -1. */
    private int repeating = -1;

    /** A new attempt that starts from the checkpoint of {@code epoch} (0: from the start). */
    void restart(int epoch) {
        if (published.isEmpty()) {
            return;
        }
        inPreamble = true;
        Integer at = publishedAtCheckpoint.get(epoch);
        repeating = at == null || at == published.size() ? -1 : at;
    }

    /** Whether the current attempt's {@code event}, the next it published, is to be published. */
    boolean accept(Event event) {
        if (inPreamble) {
            if (isPreamble(event) && preambleSeen.contains(event.getClass())) {
                if (event instanceof RunStarted) {
                    inPreamble = false;
                }
                return false;
            }
            inPreamble = false;
        }
        if (repeating >= 0) {
            if (published.get(repeating) == event.getClass()) {
                repeating = repeating + 1 == published.size() ? -1 : repeating + 1;
                return false;
            }
            repeating = -1; // this attempt went another way: from here on it is new
        }
        published.add(event.getClass());
        if (isPreamble(event)) {
            preambleSeen.add(event.getClass());
        }
        if (event instanceof RunStarted) {
            publishedAtCheckpoint.put(0, published.size());
        } else if (event instanceof Checkpointed c) {
            publishedAtCheckpoint.put(c.epoch(), published.size());
        }
        return true;
    }

    private static boolean isPreamble(Event event) {
        return event instanceof RunStarted || event instanceof DataExcerpts || event instanceof EmbeddingImported;
    }
}
