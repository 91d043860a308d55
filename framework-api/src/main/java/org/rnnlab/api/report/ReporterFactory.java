package org.rnnlab.api.report;

import org.rnnlab.api.Component;
import org.rnnlab.api.event.EventSubscriber;

/**
 * Makes a reporter: a subscriber that turns an experiment's events into output. Events are a reporter's
 * only input: it never reads another reporter's files, so a reporter written against this API alone
 * sees everything the built-in ones see.
 *
 * <p>One reporter is made per experiment run, before its first event. A resumed run's reporter gets the
 * events of the earlier process as {@link ReportContext#history()}; a reporter whose output covers the
 * whole run (files, pages) replays them first, one that shows progress (a console) ignores them.
 */
public interface ReporterFactory extends Component {

    /** A new reporter writing under {@code context.runDirectory()}. Never null. */
    EventSubscriber create(ReportContext context);

    /**
     * Rebuilds this reporter's output from {@code context.history()}, every event of a finished or
     * stopped run ({@code lab report RUN_DIR}), as a live reporter would have left it after the last of
     * them; returns false if this reporter leaves no output to rebuild.
     */
    default boolean rebuild(ReportContext context) throws Exception {
        return false;
    }
}
