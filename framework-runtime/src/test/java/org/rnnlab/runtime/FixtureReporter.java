package org.rnnlab.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;

/** A reporter factory for tests that remembers where its reporters write and what they saw. */
final class FixtureReporter implements ReporterFactory {
    final List<Path> directories = Collections.synchronizedList(new ArrayList<>());
    final List<ReportContext> contexts = Collections.synchronizedList(new ArrayList<>());
    final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final boolean asynchronous;

    FixtureReporter(boolean asynchronous) {
        this.asynchronous = asynchronous;
    }

    @Override public String id() { return "fixture-reporter"; }
    @Override public String description() { return "remembers events"; }

    @Override
    public EventSubscriber create(ReportContext context) {
        directories.add(context.runDirectory());
        contexts.add(context);
        return new EventSubscriber() {
            @Override public void onEvent(Event event) { events.add(event); }
            @Override public boolean asynchronous() { return asynchronous; }
        };
    }
}
