package org.rnnlab.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.event.AttentionMap;
import org.rnnlab.api.event.AttentionMaps;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.EpochCompleted;
import org.rnnlab.api.event.Evaluation;
import org.rnnlab.api.event.Event;
import org.rnnlab.api.event.ExperimentCompleted;
import org.rnnlab.api.event.ExperimentStarted;
import org.rnnlab.api.event.GradientStats;
import org.rnnlab.api.event.RunCompleted;
import org.rnnlab.api.event.RunDiverged;
import org.rnnlab.api.event.RunFailed;
import org.rnnlab.api.event.RunStarted;
import org.rnnlab.api.event.RunStatus;
import org.rnnlab.api.event.Samples;

class EventLogTest {
    @TempDir
    Path run;

    /** One event of every type, with the values JSON has no plain form for (NaN, infinities, odd text). */
    private List<Event> everyType() {
        String x = "x";
        return List.of(
                new ExperimentStarted(x, "what it compares\n\nwhat to look for", run,
                        Map.of("b", Map.of("cell", "gru", "seed", "2"), "a", Map.of("cell", "lstm")),
                        Map.of("java.version", "25", "os.name", "Linux")),
                new RunStarted(x, "a", Map.of("cell", "lstm", "lr", "0.003"), -7L, run.resolve("a"), 6),
                new BatchCompleted(x, "a", 1, 3, 10, 2.302585092994046),
                new EpochCompleted(x, "a", 1, Map.of("val.loss", 1.0 / 3, "val.accuracy", Double.NaN),
                        Map.of("time.epoch_seconds", 0.1, "time.tokens_per_second", Double.POSITIVE_INFINITY)),
                new GradientStats(x, "a", 1, Double.MIN_VALUE, Map.of("w", 1e-300, "b", -0.0),
                        new double[] {1.5, Double.NEGATIVE_INFINITY, 0.1 + 0.2}),
                new Evaluation(x, "a", 1, "val", List.of("neg", "pos, \"quoted\""), new long[][] {{3, 1}, {0, Long.MAX_VALUE}}),
                new Samples(x, "a", 1, List.of("line one\nline two", "ünïcödé ✓ </script>", ""), 0.5),
                new Checkpointed(x, "a", 1, run.resolve("a/checkpoint-1.safetensors")),
                new RunDiverged(x, "b", 2, 17L, 3.5, "loss is NaN"),
                new RunFailed(x, "c", null),
                new RunCompleted(x, "a", RunStatus.STOPPED_EARLY, Map.of("val.loss", 0.9), Map.of("val.loss", 0.8), 1234L),
                new RunCompleted(x, "d", RunStatus.STOPPED_EARLY, Map.of("test.accuracy", 0.83), Map.of("val.accuracy", 0.8),
                        99L, new org.rnnlab.api.event.BestEpoch(3, "val.accuracy", 0.8, true)),
                new org.rnnlab.api.event.ClaimChecked(x, "test.accuracy: d better than a", "measured", 
                        org.rnnlab.api.event.ClaimVerdict.FAILS, Map.of("a", 0.5, "d", 0.83), "measured d 0.83, a 0.5",
                        new org.rnnlab.api.event.ClaimChecked.Compared("test.accuracy", false, List.of("d", "a"))),
                new EpochCompleted(x, "a", 2, Map.of("val.loss", 0.25), Map.of(), 0.1 + 0.2),
                new DataExcerpts(x, "a", "test", List.of("60.64.67 60.64.67 - 43.62", "-")),
                new ExperimentCompleted(x, run, Map.of("a", RunStatus.STOPPED_EARLY, "b", RunStatus.DIVERGED,
                        "c", RunStatus.FAILED), 5678L),
                new AttentionMaps(x, "a", 1, "test", List.of(new AttentionMap(List.of("9", "/", " "), List.of("1", "<eos>"),
                        new double[][] {{0.1 + 0.2, 0.7 - 0.1 - 0.2, 0.4}, {1.0, 0.0, 0.0}}))),
                new org.rnnlab.api.event.EmbeddingImported(x, "a", "vectors/glove \"6B\".txt", 812, 1004, false),
                new org.rnnlab.api.event.EmbeddingMap(x, "a", "embedding.weight", List.of("the", "l’été", "</script>"),
                        List.of(new org.rnnlab.api.event.EmbeddingMap.Projection("pca", "two axes", List.of(0.1 + 0.2, -0.0, 1e-300),
                                List.of(Double.NaN, 2.0, -3.5))),
                        List.of(new org.rnnlab.api.event.EmbeddingMap.Probe("the", List.of(
                                new org.rnnlab.api.event.EmbeddingMap.Neighbour("l’été", 0.25),
                                new org.rnnlab.api.event.EmbeddingMap.Neighbour("</script>", -1.0 / 3))))));
    }

    private static List<Event> read(Path run) throws Exception {
        List<Event> events = new ArrayList<>();
        EventLog.history(run).replay(events::add);
        return events;
    }

    private static void write(Path run, List<Event> events) throws Exception {
        try (EventLogWriter log = EventLogWriter.open(run)) {
            for (Event e : events) {
                log.onEvent(e);
            }
        }
    }

    /**
     * Equal events, exactly: each event as text with its maps sorted, its arrays by value and every
     * double by {@link Double#toString} (so NaN equals NaN, and -0.0 differs from 0.0).
     */
    private static void assertSameEvents(List<Event> actual, List<Event> expected) {
        assertThat(actual.stream().map(EventLogTest::canonical).toList())
                .isEqualTo(expected.stream().map(EventLogTest::canonical).toList());
    }

    private static String canonical(Object value) {
        return switch (value) {
            case null -> "null";
            case Record r -> {
                StringBuilder s = new StringBuilder(r.getClass().getSimpleName()).append('[');
                for (var c : r.getClass().getRecordComponents()) {
                    try {
                        s.append(c.getName()).append('=').append(canonical(c.getAccessor().invoke(r))).append(", ");
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
                yield s.append(']').toString();
            }
            case Map<?, ?> m -> {
                Map<String, String> sorted = new java.util.TreeMap<>();
                m.forEach((k, v) -> sorted.put(canonical(k), canonical(v)));
                yield sorted.toString();
            }
            case List<?> l -> l.stream().map(EventLogTest::canonical).toList().toString();
            case double[] d -> java.util.Arrays.toString(d);
            case long[][] c -> java.util.Arrays.deepToString(c);
            case double[][] d -> java.util.Arrays.deepToString(d);
            default -> value.toString();
        };
    }

    @Test
    void everyEventTypeReadsBackAsItWasWritten() throws Exception {
        List<Event> events = everyType();
        write(run, events);

        List<Event> back = read(run);

        assertSameEvents(back, events);
        assertThat(((GradientStats) back.get(4)).flow()).containsExactly(1.5, Double.NEGATIVE_INFINITY, 0.1 + 0.2);
        assertThat(Double.doubleToRawLongBits(((GradientStats) back.get(4)).parameterNorms().get("b")))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(((Evaluation) back.get(5)).counts()[1][1]).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theFileIsAVersionLineThenOneSortedObjectPerEvent() throws Exception {
        write(run, everyType());

        List<String> lines = Files.readAllLines(EventLog.file(run), StandardCharsets.UTF_8);

        assertThat(lines.getFirst()).isEqualTo("{\"format\":\"rnnlab-events\",\"version\":5}");
        assertThat(lines).hasSize(everyType().size() + 1);
        assertThat(lines.get(1)).startsWith("{\"event\":\"ExperimentStarted\",\"experiment\":\"x\",")
                .contains("\"runDirectory\":\".\"")
                .contains("\"variants\":{\"a\":{\"cell\":\"lstm\"},\"b\":{\"cell\":\"gru\",\"seed\":\"2\"}}");
        assertThat(lines.get(4)).isEqualTo("{\"event\":\"EpochCompleted\",\"experiment\":\"x\",\"variant\":\"a\",\"epoch\":1,"
                + "\"metrics\":{\"val.accuracy\":\"NaN\",\"val.loss\":0.3333333333333333},"
                + "\"timings\":{\"time.epoch_seconds\":0.1,\"time.tokens_per_second\":\"Infinity\"}}");
        assertThat(lines.get(8)).contains("\"file\":\"a/checkpoint-1.safetensors\"");
    }

    @Test
    void theSameEventsGiveTheSameBytes() throws Exception {
        Path other = Files.createDirectories(run.resolve("other"));
        Path first = Files.createDirectories(run.resolve("first"));
        write(first, relocate(everyType(), run, first));
        write(other, relocate(everyType(), run, other));

        assertThat(Files.readAllBytes(EventLog.file(other))).isEqualTo(Files.readAllBytes(EventLog.file(first)));
    }

    private static List<Event> relocate(List<Event> events, Path from, Path to) {
        return events.stream().map(e -> switch (e) {
            case ExperimentStarted s -> new ExperimentStarted(s.experiment(), s.description(), to, s.variants(), s.provenance());
            case RunStarted s -> new RunStarted(s.experiment(), s.variant(), s.settings(), s.seed(),
                    to.resolve(from.relativize(s.runDirectory())), s.epochs());
            case Checkpointed c -> new Checkpointed(c.experiment(), c.variant(), c.epoch(), to.resolve(from.relativize(c.file())));
            case ExperimentCompleted c -> new ExperimentCompleted(c.experiment(), to, c.status(), c.wallMillis());
            default -> e;
        }).map(Event.class::cast).toList();
    }

    @Test
    void aMovedRunFolderReadsItsPathsAsItself() throws Exception {
        Path before = Files.createDirectories(run.resolve("before"));
        write(before, relocate(everyType(), run, before));
        Path after = run.resolve("after");
        Files.move(before, after);

        List<Event> back = read(after);

        assertThat(((ExperimentStarted) back.getFirst()).runDirectory()).isEqualTo(after.toAbsolutePath());
        assertThat(((Checkpointed) back.get(7)).file()).isEqualTo(after.resolve("a/checkpoint-1.safetensors").toAbsolutePath());
    }

    @Test
    void aSecondWriterAppendsAfterCuttingALineTornByAKilledProcess() throws Exception {
        List<Event> events = everyType();
        write(run, events.subList(0, 4));
        Files.writeString(EventLog.file(run), "{\"event\":\"GradientSta", StandardOpenOption.APPEND);

        assertThat(read(run)).hasSize(4); // the torn line is not an event yet

        write(run, events.subList(4, events.size()));
        assertSameEvents(read(run), events);
        assertThat(Files.readAllLines(EventLog.file(run))).filteredOn(l -> l.contains("format")).hasSize(1);
    }

    @Test
    void aHistoryIsTheLogAsItWasWhenTaken() throws Exception {
        List<Event> events = everyType();
        write(run, events.subList(0, 3));
        var history = EventLog.history(run);
        write(run, events.subList(3, events.size()));

        List<Event> seen = new ArrayList<>();
        history.replay(seen::add);

        assertThat(seen).hasSize(3);
    }

    @Test
    void aMalformedLineIsAnErrorNamingFileAndLine() throws Exception {
        write(run, everyType().subList(0, 2));
        Files.writeString(EventLog.file(run), "{\"event\":\"EpochCompleted\",\"experiment\":\"x\",\"variant\":\"a\","
                + "\"epoch\":\"one\",\"metrics\":{},\"timings\":{}}\n", StandardOpenOption.APPEND);
        write(run, everyType().subList(2, 3));

        assertThatThrownBy(() -> EventLog.history(run)).isInstanceOf(RnnlabException.class)
                .hasMessage(EventLog.file(run).toAbsolutePath() + " line 4: field 'epoch' is not a whole number: \"one\"");
    }

    @Test
    void anUnknownEventTypeOrMissingFieldIsNamed() throws Exception {
        write(run, List.of());
        Files.writeString(EventLog.file(run), "{\"event\":\"Teleported\",\"experiment\":\"x\"}\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> EventLog.history(run)).hasMessageEndingWith("line 2: unknown event type 'Teleported'");

        Files.writeString(EventLog.file(run), EventLog.headerLine() + "\n{\"event\":\"RunFailed\",\"experiment\":\"x\"}\n");
        assertThatThrownBy(() -> EventLog.history(run)).hasMessageEndingWith("line 2: field 'variant' is missing");
    }

    @Test
    void aVersionThreeLogReadsWithoutLearningRatesOrComparedGroups() throws Exception {
        // as rnnlab wrote it before version 4: no learningRate in EpochCompleted, no compared in ClaimChecked
        Files.writeString(EventLog.file(run), "{\"format\":\"rnnlab-events\",\"version\":3}\n"
                + "{\"event\":\"EpochCompleted\",\"experiment\":\"x\",\"variant\":\"a\",\"epoch\":1,"
                + "\"metrics\":{\"val.loss\":0.5},\"timings\":{}}\n"
                + "{\"event\":\"ClaimChecked\",\"experiment\":\"x\",\"claim\":\"c\",\"source\":\"s\",\"verdict\":\"HOLDS\","
                + "\"measured\":{\"a\":0.5},\"detail\":\"d\"}\n");

        List<Event> back = read(run);

        assertThat(((EpochCompleted) back.get(0)).learningRate()).isNaN();
        assertThat(((org.rnnlab.api.event.ClaimChecked) back.get(1)).compared())
                .isEqualTo(org.rnnlab.api.event.ClaimChecked.Compared.NONE);
    }

    @Test
    void theLearningRateAndTheComparedGroupsAreWrittenAsFields() throws Exception {
        write(run, everyType());

        List<String> lines = Files.readAllLines(EventLog.file(run), StandardCharsets.UTF_8);

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"compared\":{\"metric\":\"test.accuracy\",\"best\":false,"
                + "\"bestFirst\":[\"d\",\"a\"]}"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"event\":\"EpochCompleted\"")
                .endsWith("\"learningRate\":0.30000000000000004}"));
    }

    @Test
    void aVersionOneLogStillReads() throws Exception {
        // version 2 only added AttentionMaps and ClaimChecked: runs made before it still report and resume
        Files.writeString(EventLog.file(run), "{\"format\":\"rnnlab-events\",\"version\":1}\n"
                + "{\"event\":\"RunFailed\",\"experiment\":\"x\",\"message\":\"m\",\"variant\":\"a\"}\n");
        assertThat(read(run)).containsExactly(new RunFailed("x", "a", "m"));
    }

    @Test
    void aVersionTwoLogStillReadsAndTakesTheNewEventsOfAResumedRun() throws Exception {
        // as rnnlab wrote it before DataExcerpts existed
        Files.writeString(EventLog.file(run), "{\"format\":\"rnnlab-events\",\"version\":2}\n"
                + "{\"event\":\"RunStarted\",\"experiment\":\"x\",\"variant\":\"a\",\"settings\":{\"cell\":\"gru\"},"
                + "\"seed\":1,\"runDirectory\":\"a\",\"epochs\":2}\n"
                + "{\"event\":\"Samples\",\"experiment\":\"x\",\"variant\":\"a\",\"epoch\":1,\"samples\":[\"60 -\"],"
                + "\"novelShare\":1.0}\n");
        DataExcerpts excerpts = new DataExcerpts("x", "a", "test", List.of("48.60 48.60", "- 72"));
        write(run, List.of(excerpts));

        List<Event> back = read(run);

        assertThat(back).hasSize(3);
        assertThat(back.get(0)).isEqualTo(new RunStarted("x", "a", Map.of("cell", "gru"), 1, run.resolve("a"), 2));
        assertThat(((Samples) back.get(1)).samples()).containsExactly("60 -");
        assertThat(back.get(2)).isEqualTo(excerpts);
        assertThat(Files.readAllLines(EventLog.file(run)).getLast()).isEqualTo("{\"event\":\"DataExcerpts\",\"experiment\":\"x\","
                + "\"variant\":\"a\",\"split\":\"test\",\"excerpts\":[\"48.60 48.60\",\"- 72\"]}");
    }

    @Test
    void aVersionFourLogStillReadsAndTakesAResumedRunsEmbeddingEvents() throws Exception {
        // as rnnlab wrote it before EmbeddingImported and EmbeddingMap existed
        Files.writeString(EventLog.file(run), "{\"format\":\"rnnlab-events\",\"version\":4}\n"
                + "{\"event\":\"DataExcerpts\",\"experiment\":\"x\",\"variant\":\"a\",\"split\":\"test\",\"excerpts\":[\"-\"]}\n");
        org.rnnlab.api.event.EmbeddingImported imported = new org.rnnlab.api.event.EmbeddingImported("x", "a", "v.txt", 1, 2, true);
        write(run, List.of(imported));

        List<Event> back = read(run);

        assertThat(back).containsExactly(new DataExcerpts("x", "a", "test", List.of("-")), imported);
        assertThat(Files.readAllLines(EventLog.file(run)).getLast()).isEqualTo("{\"event\":\"EmbeddingImported\","
                + "\"experiment\":\"x\",\"variant\":\"a\",\"file\":\"v.txt\",\"found\":1,\"words\":2,\"trainable\":true}");
    }

    @Test
    void aLogOfANewerVersionOrNoLogAtAllIsRefused() throws Exception {
        Files.writeString(EventLog.file(run), "{\"format\":\"rnnlab-events\",\"version\":6}\n");
        assertThatThrownBy(() -> EventLog.history(run)).isInstanceOf(RnnlabException.class)
                .hasMessageContaining("is event log version 6; this rnnlab reads versions 1 to 5");
        assertThatThrownBy(() -> EventLogWriter.open(run)).hasMessageContaining("version 6");

        Files.writeString(EventLog.file(run), "variant,status\n");
        assertThatThrownBy(() -> EventLog.history(run)).hasMessageContaining("line 1: not an rnnlab event log");

        Path old = Files.createDirectories(run.resolve("old"));
        assertThatThrownBy(() -> EventLog.history(old)).isInstanceOf(RnnlabException.class)
                .hasMessage(old.toAbsolutePath() + " has no event log (events.jsonl): it is no run folder, or a run made "
                        + "before rnnlab kept one");
    }
}
