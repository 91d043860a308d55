package org.rnnlab.api.experiment;

/** One point of an experiment's grid: a name unique in the experiment, its settings and its seed. */
public record Variant(String name, Settings settings, long seed) {}
