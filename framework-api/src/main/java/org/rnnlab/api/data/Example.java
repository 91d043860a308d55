package org.rnnlab.api.data;

/**
 * One example of a {@link Dataset}: text for a tokenizer, numeric steps that skip the tokenizer, or a
 * (source, target) pair of texts.
 *
 * @since 0.1
 */
public sealed interface Example permits TextExample, VectorExample, PairExample {}
