package org.rnnlab.reporting.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rnnlab.api.event.AttentionMaps;
import org.rnnlab.api.event.BatchCompleted;
import org.rnnlab.api.event.Checkpointed;
import org.rnnlab.api.event.ClaimChecked;
import org.rnnlab.api.event.DataExcerpts;
import org.rnnlab.api.event.EmbeddingImported;
import org.rnnlab.api.event.EmbeddingMap;
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
import org.rnnlab.api.event.Samples;
import org.rnnlab.api.report.EventHistory;

/**
 * Folds an experiment's events into an {@link ExperimentRecord}. Thread-safe: runs of different variants
 * may publish from different threads. An epoch reported twice (a resumed run) replaces the first report.
 */
public final class ExperimentRecorder {
    private String name = "";
    private String description = "";
    private Map<String, String> provenance = Map.of();
    private long wallMillis = -1;
    private final Map<String, VariantBuilder> variants = new TreeMap<>();
    private final List<ClaimChecked> claims = new ArrayList<>();

    /** Records one event. */
    public synchronized void record(Event event) {
        if (name.isEmpty()) {
            name = event.experiment();
        }
        switch (event) {
            case ExperimentStarted e -> {
                description = e.description() == null ? "" : e.description();
                provenance = e.provenance();
                e.variants().forEach((v, settings) -> variant(v).settings.putAll(settings));
            }
            case RunStarted e -> {
                VariantBuilder v = variant(e.variant());
                v.settings.putAll(e.settings());
                v.seed = e.seed();
                v.epochsPlanned = e.epochs();
                v.status = VariantStatus.RUNNING;
                v.note = ""; // a resumed run starts over from what failed
                v.endedEpoch = -1;
                v.endedStep = -1;
            }
            case DataExcerpts e -> {
                List<ExcerptRecord> excerpts = variant(e.variant()).excerpts;
                excerpts.removeIf(r -> r.split().equals(e.split())); // a resumed run publishes them again
                excerpts.add(new ExcerptRecord(e.split(), e.excerpts()));
            }
            case EmbeddingImported e -> variant(e.variant()).imported = java.util.Optional.of(e);
            case EmbeddingMap e -> {
                List<EmbeddingMap> maps = variant(e.variant()).maps;
                maps.removeIf(m -> m.table().equals(e.table())); // a resumed run publishes it again
                maps.add(e);
            }
            case BatchCompleted e -> variant(e.variant());
            case Checkpointed e -> variant(e.variant());
            case EpochCompleted e -> {
                List<EpochRecord> epochs = variant(e.variant()).epochs;
                epochs.removeIf(r -> r.epoch() == e.epoch());
                epochs.add(new EpochRecord(e.epoch(), e.metrics(), e.timings(), e.learningRate()));
            }
            case GradientStats e -> {
                List<GradientRecord> gradients = variant(e.variant()).gradients;
                gradients.removeIf(r -> r.epoch() == e.epoch());
                gradients.add(new GradientRecord(e.epoch(), e.globalNorm(), e.parameterNorms(),
                        Arrays.stream(e.flow()).boxed().toList()));
            }
            case Evaluation e -> {
                List<ConfusionRecord> evaluations = variant(e.variant()).evaluations;
                evaluations.removeIf(r -> r.epoch() == e.epoch() && r.split().equals(e.split()));
                List<List<Long>> counts = new ArrayList<>();
                for (long[] row : e.counts()) {
                    counts.add(Arrays.stream(row).boxed().toList());
                }
                evaluations.add(new ConfusionRecord(e.epoch(), e.split(), e.labels(), counts));
            }
            case Samples e -> {
                List<SampleRecord> samples = variant(e.variant()).samples;
                samples.removeIf(r -> r.epoch() == e.epoch() && r.batch() == e.batch());
                samples.add(new SampleRecord(e.epoch(), e.novelShare(), e.samples(), e.batch()));
            }
            case AttentionMaps e -> {
                List<AttentionRecord> attention = variant(e.variant()).attention;
                attention.removeIf(r -> r.epoch() == e.epoch());
                attention.add(new AttentionRecord(e.epoch(), e.split(), e.maps()));
            }
            case RunDiverged e -> {
                VariantBuilder v = variant(e.variant());
                v.status = VariantStatus.DIVERGED;
                v.note = e.reason() + " (last finite loss " + String.format(java.util.Locale.ROOT, "%.4g", e.lastFiniteLoss()) + ")";
                v.endedEpoch = e.epoch();
                v.endedStep = e.step();
            }
            case RunFailed e -> {
                VariantBuilder v = variant(e.variant());
                v.status = VariantStatus.FAILED;
                v.note = e.message() == null ? "" : e.message();
            }
            case RunCompleted e -> {
                VariantBuilder v = variant(e.variant());
                v.status = VariantStatus.of(e.status());
                v.finalMetrics.putAll(e.finalMetrics());
                v.bestMetrics.putAll(e.bestMetrics());
                v.wallMillis = e.wallMillis();
                v.best = e.best();
            }
            case ClaimChecked e -> {
                claims.removeIf(c -> c.claim().equals(e.claim()));
                claims.add(e);
            }
            case ExperimentCompleted e -> {
                wallMillis = e.wallMillis();
                e.status().forEach((v, status) -> {
                    VariantBuilder b = variant(v);
                    if (b.status == VariantStatus.RUNNING || b.status == VariantStatus.NOT_STARTED) {
                        b.status = VariantStatus.of(status);
                    }
                });
            }
        }
    }

    /**
     * A recorder holding every event of {@code history}: what an earlier process of a resumed run
     * recorded, or a whole run for {@code lab report}. Later events add to it; an epoch reported again
     * replaces the earlier report.
     */
    public static ExperimentRecorder of(EventHistory history) {
        ExperimentRecorder recorder = new ExperimentRecorder();
        try {
            history.replay(recorder::record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // record() throws nothing checked: this is the history's own I/O error
            throw new java.io.UncheckedIOException(e.getMessage(),
                    e instanceof java.io.IOException io ? io : new java.io.IOException(e));
        }
        return recorder;
    }

    /** Whether no event was recorded yet. */
    public synchronized boolean isEmpty() {
        return name.isEmpty() && variants.isEmpty();
    }

    private VariantBuilder variant(String variant) {
        return variants.computeIfAbsent(variant, VariantBuilder::new);
    }

    /** The experiment as recorded so far. */
    public synchronized ExperimentRecord snapshot() {
        return new ExperimentRecord(name, description, provenance,
                variants.values().stream().map(VariantBuilder::build).toList(), wallMillis, claims);
    }

    /** One variant as recorded so far. */
    public synchronized VariantRecord snapshot(String variant) {
        return variant(variant).build();
    }

    private static final class VariantBuilder {
        final String name;
        final Map<String, String> settings = new TreeMap<>();
        long seed;
        int epochsPlanned;
        VariantStatus status = VariantStatus.NOT_STARTED;
        final List<EpochRecord> epochs = new ArrayList<>();
        final List<GradientRecord> gradients = new ArrayList<>();
        final List<ConfusionRecord> evaluations = new ArrayList<>();
        final List<SampleRecord> samples = new ArrayList<>();
        final List<ExcerptRecord> excerpts = new ArrayList<>();
        final List<AttentionRecord> attention = new ArrayList<>();
        java.util.Optional<EmbeddingImported> imported = java.util.Optional.empty();
        final List<EmbeddingMap> maps = new ArrayList<>();
        final Map<String, Double> finalMetrics = new TreeMap<>();
        final Map<String, Double> bestMetrics = new TreeMap<>();
        long wallMillis = -1;
        String note = "";
        int endedEpoch = -1;
        long endedStep = -1;
        org.rnnlab.api.event.BestEpoch best = org.rnnlab.api.event.BestEpoch.NONE;

        VariantBuilder(String name) {
            this.name = name;
        }

        VariantRecord build() {
            return new VariantRecord(name, new TreeMap<>(settings), seed, epochsPlanned, status,
                    sortedByEpoch(epochs, EpochRecord::epoch), sortedByEpoch(gradients, GradientRecord::epoch),
                    sortedByEpoch(evaluations, ConfusionRecord::epoch), sortedByEpoch(samples, SampleRecord::epoch),
                    sortedByEpoch(attention, AttentionRecord::epoch),
                    new TreeMap<>(finalMetrics), new TreeMap<>(bestMetrics), wallMillis, note, endedEpoch, endedStep, best, excerpts,
                    new EmbeddingRecord(imported, maps));
        }

        private static <T> List<T> sortedByEpoch(List<T> list, java.util.function.ToIntFunction<T> epoch) {
            return list.stream().sorted(java.util.Comparator.comparingInt(epoch)).toList();
        }
    }
}
