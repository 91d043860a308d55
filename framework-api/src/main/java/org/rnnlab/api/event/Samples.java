package org.rnnlab.api.event;

import java.util.List;

/**
 * Text a generating model drew after an epoch ({@code batch} 0), or after batch {@code batch} of the epoch
 * when samples are also drawn early ({@code samples.early}); {@code novelShare} is the share not in the
 * training set. When
 * the task also writes its samples as files ({@link org.rnnlab.api.task.Task#sampleFileType()}, MIDI for
 * music), the trainer writes this epoch's samples into the variant's folder as {@link #file}, replacing the
 * previous epoch's: the folder holds the latest epoch's samples.
 */
public record Samples(String experiment, String variant, int epoch, List<String> samples, double novelShare, int batch)
        implements RunEvent {
    public Samples {
        samples = List.copyOf(samples);
    }

    /** Samples drawn after the whole epoch. */
    public Samples(String experiment, String variant, int epoch, List<String> samples, double novelShare) {
        this(experiment, variant, epoch, samples, novelShare, 0);
    }

    /** When they were drawn: {@code epoch 3}, or {@code epoch 1, batch 40} for samples drawn within an epoch. */
    public String when() {
        return "epoch " + epoch + (batch > 0 ? ", batch " + batch : "");
    }

    /** Where sample {@code index} (from 0) of the latest epoch lies in the variant's folder: {@code samples/sample-1.mid}. */
    public static String file(int index, String type) {
        return "samples/sample-" + (index + 1) + "." + type;
    }
}
