package org.rnnlab.api.experiment;

/** An experiment: its grid of variants. Being written with the experiments work. */
public final class Experiment {
}
