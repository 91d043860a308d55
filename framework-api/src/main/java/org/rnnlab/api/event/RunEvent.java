package org.rnnlab.api.event;

/** An event of one variant's run; a run's events arrive at every subscriber in the order published. */
public sealed interface RunEvent extends Event
        permits RunStarted, DataExcerpts, EmbeddingImported, BatchCompleted, EpochCompleted, GradientStats, Evaluation, Samples, AttentionMaps,
                EmbeddingMap, Checkpointed, RunDiverged, RunFailed, RunCompleted {

    /** The variant's name, unique within the experiment. */
    String variant();
}
