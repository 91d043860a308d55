package org.rnnlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.event.EventBus;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.Variant;
import org.rnnlab.api.train.RunResult;

/** A runner made {@link ExperimentRunner#on} an executor hands it every variant and records what it says. */
class ExperimentRunnerExecutorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @Test
    void everyVariantGoesToTheExecutorAndItsOutcomeIsTheRunsRecord(@TempDir Path out) throws Exception {
        AtomicInteger trainedHere = new AtomicInteger();
        FixtureTrainer trainer = new FixtureTrainer("bptt", "test", ctx -> {
            trainedHere.incrementAndGet();
            return new RunResult(RunStatus.COMPLETED, Map.of(), Map.of());
        });
        PluginRegistry registry = PluginRegistry.of(List.of(FixturePlugin.of("fixtures", trainer,
                new FixtureReporter(true)), FixturePlugin.pipeline()));
        Map<String, VariantJob> jobs = new ConcurrentHashMap<>();
        VariantExecutor elsewhere = new VariantExecutor() {
            @Override
            public int atOnce(int threads, int variants) {
                return variants;
            }

            @Override
            public VariantOutcome run(VariantJob job, EventBus bus) {
                jobs.put(job.variant().name(), job);
                if (job.variant().name().equals("broken")) {
                    return new VariantOutcome(RunStatus.FAILED, Optional.of("member 10.0.0.2 ran out of memory"),
                            List.of("cannot write broken/error.txt: disk full"));
                }
                bus.publish(new RunCompleted(job.experiment(), job.variant().name(), RunStatus.COMPLETED, Map.of(),
                        Map.of(), 1));
                return new VariantOutcome(RunStatus.COMPLETED, Optional.empty(), List.of());
            }
        };
        ExperimentPlan plan = new ExperimentPlan("hello", "says hello", "", List.of(variant("fine", 1),
                variant("broken", 2)), Map.of(), Map.of());

        ExperimentOutcome outcome = new ExperimentRunner(registry, CLOCK).on(elsewhere)
                .run(plan, new RunOptions(out, 1, false), List.of());

        assertThat(trainedHere).as("nothing trains on the runner's own pool").hasValue(0);
        Path run = out.resolve("hello").resolve("20260102-030405").toAbsolutePath();
        assertThat(jobs.get("fine").folderPath()).isEqualTo(run.resolve("fine"));
        assertThat(jobs.get("fine").resume()).isFalse();
        assertThat(outcome.status()).containsEntry("fine", RunStatus.COMPLETED).containsEntry("broken", RunStatus.FAILED);
        assertThat(outcome.failures()).containsEntry("broken", "member 10.0.0.2 ran out of memory");
        assertThat(outcome.writeFailures()).contains("cannot write broken/error.txt: disk full");
        JsonNode json = new ObjectMapper().readTree(run.resolve("experiment.json").toFile());
        assertThat(json.get("status").get("broken").asText()).isEqualTo("FAILED");
        assertThat(json.get("status").get("fine").asText()).isEqualTo("COMPLETED");
    }

    private static Variant variant(String name, long seed) {
        return new Variant(name, Settings.of(Map.of("dataset", "tiny")), seed);
    }
}
