package org.rnnlab.reporting.console;

import org.rnnlab.api.event.EventSubscriber;
import org.rnnlab.api.report.ReportContext;
import org.rnnlab.api.report.ReporterFactory;

/** The {@code console} reporter: progress bars on a terminal, plain lines in logs. */
public final class ConsoleReporterFactory implements ReporterFactory {
    @Override
    public String id() {
        return "console";
    }

    @Override
    public String description() {
        return "progress bar per running variant (epoch, loss, ETA) on a terminal; one line per epoch otherwise";
    }

    @Override
    public EventSubscriber create(ReportContext context) {
        return new ConsoleReporter(System.out, context.interactive());
    }
}
