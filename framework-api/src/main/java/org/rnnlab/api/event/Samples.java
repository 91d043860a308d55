package org.rnnlab.api.event;

import java.util.List;

/** Text a language model generated after an epoch; {@code novelShare} is the share not in the training set. */
public record Samples(String experiment, String variant, int epoch, List<String> samples, double novelShare)
        implements RunEvent {
    public Samples {
        samples = List.copyOf(samples);
    }
}
