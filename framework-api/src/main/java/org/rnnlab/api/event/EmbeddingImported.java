package org.rnnlab.api.event;

/**
 * A variant's word embedding began as the rows of a word-vectors file ({@code embedding.init}): how many of
 * the model's words the file held (the others kept their seeded rows) and whether training may change them.
 * Published by the runtime once per variant, before it trains.
 *
 * @param file      the file, as the setting named it; for {@code embedding.init=skipgram}, what skip-gram read
 *                  before the run, e.g. {@code skipgram on train of sentiment (33,180 words), 5 epochs, 2.7 s}
 * @param found     the model's words the file holds
 * @param words     the model's words (rows of its embedding)
 * @param trainable false when the embedding is frozen ({@code embedding.trainable=false})
 * @since 0.3
 */
public record EmbeddingImported(String experiment, String variant, String file, int found, int words, boolean trainable)
        implements RunEvent {}
