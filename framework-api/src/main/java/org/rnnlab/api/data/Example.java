package org.rnnlab.api.data;

/**
 * One example of a {@link Dataset}: text for a tokenizer, or numeric steps that skip the tokenizer.
 *
 * @since 0.1
 */
public sealed interface Example permits TextExample, VectorExample {}
