package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.report.EventHistory;
import org.rnnlab.api.train.RunResult;
import org.rnnlab.runtime.events.EventLog;

/** The runner logs every event of a run to {@code events.jsonl}, and a resumed run's reporters start from it. */
class EventLogRunTest {

    private static List<Event> replay(EventHistory history) throws Exception {
        List<Event> events = new ArrayList<>();
        history.replay(events::add);
        return events;
    }

    @Test
    void theLogHoldsWhatTheReportersReceivedAndAResumeAddsToIt(@TempDir Path out) throws Exception {
        AtomicBoolean firstAttempt = new AtomicBoolean(true);
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            ctx.bus().publish(new EpochCompleted(ctx.experiment(), ctx.variant(), 1, Map.of("val.loss", 2.5), Map.of()));
            if (ctx.variant().equals("b") && firstAttempt.get()) {
                throw new IllegalStateException("stopped half-way");
            }
            ctx.bus().publish(new RunCompleted(ctx.experiment(), ctx.variant(), RunStatus.COMPLETED,
                    Map.of("val.loss", 2.5), Map.of("val.loss", 2.5), 1));
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        FixtureReporter reporter = new FixtureReporter(true);
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer, reporter),
                FixturePlugin.pipeline()));
        ExperimentPlan plan = new ExperimentPlan("toy", "a toy", List.of(
                new Variant("a", Settings.of(Map.of("dataset", "tiny", "hidden", "8")), 1),
                new Variant("b", Settings.of(Map.of("dataset", "tiny", "hidden", "16")), 2)));

        ExperimentOutcome first = new ExperimentRunner(registry).run(plan, new RunOptions(out, 2, false), List.of());
        Path dir = first.runDirectory();
        List<Event> firstEvents = replay(EventLog.history(dir));

        assertThat(reporter.contexts.getFirst().history()).isSameAs(EventHistory.NONE);
        assertThat(firstEvents).hasSameSizeAs(reporter.events).containsExactlyInAnyOrderElementsOf(reporter.events);
        assertThat(firstEvents.getFirst()).isInstanceOf(ExperimentStarted.class);
        assertThat(firstEvents.getLast()).isInstanceOf(ExperimentCompleted.class);
        assertThat(firstEvents).filteredOn(RunFailed.class::isInstance).hasSize(1);

        firstAttempt.set(false);
        int before = reporter.events.size();
        new ExperimentRunner(registry).resume(RecordedRun.read(dir), new RunOptions(out, 1, false), List.of());

        // the second process's reporter starts from everything the first one logged
        assertThat(replay(reporter.contexts.get(1).history())).isEqualTo(firstEvents);
        List<Event> all = replay(EventLog.history(dir));
        assertThat(all.subList(0, firstEvents.size())).isEqualTo(firstEvents);
        assertThat(all.subList(firstEvents.size(), all.size())).isEqualTo(reporter.events.subList(before, reporter.events.size()));
        assertThat(all.getLast()).isEqualTo(new ExperimentCompleted("toy", dir, Map.of("a", RunStatus.COMPLETED,
                "b", RunStatus.COMPLETED), ((ExperimentCompleted) all.getLast()).wallMillis()));
        assertThat(Files.readAllLines(EventLog.file(dir)).stream().filter(l -> l.contains("\"format\""))).hasSize(1);
    }

    @Test
    void aRunWithoutAnEventLogIsNotResumedAndLeftAsItWas(@TempDir Path out) throws Exception {
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            throw new IllegalStateException("stopped");
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer), FixturePlugin.pipeline()));
        ExperimentPlan plan = new ExperimentPlan("toy", "a toy",
                List.of(new Variant("a", Settings.of(Map.of("dataset", "tiny")), 1)));
        Path dir = new ExperimentRunner(registry).run(plan, new RunOptions(out, 1, false), List.of()).runDirectory();
        Files.delete(EventLog.file(dir));
        String json = Files.readString(dir.resolve("experiment.json"));

        assertThatThrownBy(() -> new ExperimentRunner(registry).resume(RecordedRun.read(dir), new RunOptions(out, 1, false),
                List.of())).isInstanceOf(RnnlabException.class)
                .hasMessage(dir + " has no event log (events.jsonl): it is no run folder, or a run made before rnnlab kept one");
        assertThat(Files.readString(dir.resolve("experiment.json"))).isEqualTo(json);
        assertThat(EventLog.exists(dir)).isFalse();
    }
}
