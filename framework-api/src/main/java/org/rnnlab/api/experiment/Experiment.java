package org.rnnlab.api.experiment;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import org.rnnlab.api.ComponentRegistry;

/**
 * An experiment defined in code: fixed settings, varied axes and seeds, expanded into a grid of
 * {@link Variant}s. Built with {@link #named(String)}:
 * <pre>{@code
 * Experiment.named("order-matters")
 *     .description("Bag-of-words vs a recurrence on a task where order decides")
 *     .lesson("Bag-of-words stays at chance; the rnn and lstm read the order.")
 *     .dataset("order").set("dataset.length", 12)
 *     .hidden(32).epochs(8).learningRate(3e-3)
 *     .vary("cell", "rnn", "lstm")
 *     .seeds(3)
 *     .quick(Map.of("epochs", "2"))
 *     .build();
 * }</pre>
 */
public final class Experiment {
    private final String name;
    private final String description;
    private final String lesson;
    private final Map<String, String> settings;
    private final List<Axis> axes;
    private final List<Long> seeds;
    private final Map<String, String> quick;
    private final List<Claim> claims;

    private Experiment(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.lesson = b.lesson;
        this.settings = Map.copyOf(b.settings);
        this.axes = List.copyOf(b.axes);
        this.seeds = List.copyOf(b.seeds);
        this.quick = Map.copyOf(b.quick);
        this.claims = List.copyOf(b.claims);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() { return name; }

    /** One line: what the experiment compares. */
    public String description() { return description; }

    /** A short text for the report: what a reader should look for. */
    public String lesson() { return lesson; }

    /** Settings shared by every variant. */
    public Map<String, String> settings() { return settings; }

    public List<Axis> axes() { return axes; }

    public List<Long> seeds() { return seeds; }

    /** Overrides that shrink the run to a smoke test ({@code lab run --quick}). */
    public Map<String, String> quick() { return quick; }

    /** The outcomes the experiment expects at its defaults, checked when a run ends. */
    public List<Claim> claims() { return claims; }

    /**
     * The grid of variants under {@code request}, checked against the settings schemas of the components
     * each variant uses ({@link SettingsValidation}): every problem (unknown key, bad value, unknown id) is
     * reported at once, before any training. Settings scoped to a component ({@code lstm.forget_bias}) are
     * resolved: the variants that use it get them as their own ({@code cell.forget_bias}).
     */
    public Validation<Seq<String>, List<Variant>> variants(GridRequest request, ComponentRegistry registry) {
        return new GridExpansion(this, request).expand()
                .flatMap(variants -> SettingsValidation.check(variants, registry));
    }

    /** The grid with no overrides. */
    public Validation<Seq<String>, List<Variant>> variants(ComponentRegistry registry) {
        return variants(GridRequest.DEFAULT, registry);
    }

    /** Builds an {@link Experiment}; every setter returns this builder. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private String lesson = "";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<Axis> axes = new ArrayList<>();
        private List<Long> seeds = List.of(1L);
        private final Map<String, String> quick = new LinkedHashMap<>();
        private final List<Claim> claims = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            // recorded in every variant's settings, so experiment.json says which were used
            settings.put(RuntimeSettings.TRAINER.name(), RuntimeSettings.TRAINER.shownDefault());
            settings.put(RuntimeSettings.OPTIMIZER.name(), RuntimeSettings.OPTIMIZER.shownDefault());
        }

        public Builder description(String text) { this.description = text; return this; }

        public Builder lesson(String text) { this.lesson = text; return this; }

        /** Sets any setting; {@code lab describe KIND ID} lists a component's. */
        public Builder set(String key, Object value) { settings.put(key, String.valueOf(value)); return this; }

        public Builder dataset(String id) { return set("dataset", id); }

        public Builder tokenizer(String id) { return set("tokenizer", id); }

        public Builder cell(String id) { return set("cell", id); }

        public Builder hidden(int units) { return set("hidden", units); }

        public Builder layers(int count) { return set("layers", count); }

        public Builder embedding(int size) { return set("embedding", size); }

        public Builder trainer(String id) { return set("trainer", id); }

        public Builder optimizer(String id) { return set("optimizer", id); }

        public Builder learningRate(double lr) { return set("lr", lr); }

        public Builder epochs(int count) { return set("epochs", count); }

        public Builder batchSize(int size) { return set("batch", size); }

        public Builder clip(double maxNorm) { return set("clip", maxNorm); }

        /**
         * Varies one setting over {@code values}; each value becomes part of the variant names, as itself
         * when it is a name ({@code lstm_s1}) and as {@code key=value} when it is a number or a boolean
         * ({@code layers=2_s1}; see {@link Alternative#ofSetting}).
         */
        public Builder vary(String key, Object... values) {
            List<Alternative> alts = new ArrayList<>();
            for (Object v : values) {
                alts.add(Alternative.ofSetting(key, String.valueOf(v)));
            }
            axes.add(new Axis(key, alts));
            return this;
        }

        /** Varies several linked settings at once, e.g. a tokenizer together with the cell it feeds. */
        public Builder vary(String axisName, List<Alternative> alternatives) {
            axes.add(new Axis(axisName, alternatives));
            return this;
        }

        /** Seeds 1..count. */
        public Builder seeds(int count) {
            this.seeds = LongStream.rangeClosed(1, count).boxed().toList();
            return this;
        }

        public Builder seeds(List<Long> explicit) { this.seeds = List.copyOf(explicit); return this; }

        /** Overrides applied by {@code --quick}. */
        public Builder quick(Map<String, String> overrides) { quick.putAll(overrides); return this; }

        /** An outcome the experiment expects; {@code lab run} prints its verdict, {@code --check} fails on it. */
        public Builder claim(Claim claim) { claims.add(Objects.requireNonNull(claim, "claim")); return this; }

        /** Several claims at once, in order. */
        public Builder claims(List<Claim> all) { all.forEach(this::claim); return this; }

        public Experiment build() { return new Experiment(this); }
    }
}
