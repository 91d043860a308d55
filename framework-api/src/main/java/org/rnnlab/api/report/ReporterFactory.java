package org.rnnlab.api.report;

import java.nio.file.Path;
import org.rnnlab.api.Component;
import org.rnnlab.api.event.EventSubscriber;

/**
 * Makes a reporter: a subscriber that turns an experiment's events into output. One reporter is made
 * per experiment run, before its first event.
 */
public interface ReporterFactory extends Component {

    /** A new reporter writing under {@code context.runDirectory()}. Never null. */
    EventSubscriber create(ReportContext context);

    /**
     * Rebuilds this reporter's output from the files a finished or stopped run left
     * ({@code lab report RUN_DIR}); returns false if this reporter has nothing to rebuild.
     */
    default boolean rebuild(Path runDirectory) throws Exception {
        return false;
    }
}
