package org.rnnlab.api.task;

/**
 * How to draw samples from a generating model: how many, the temperature (below 1 sharper), {@code topK}
 * (0 = all tokens), the text each sample starts with and the most tokens generated per sample.
 *
 * @since 0.1
 */
public record SampleRequest(int count, double temperature, int topK, String prefix, int length) {}
