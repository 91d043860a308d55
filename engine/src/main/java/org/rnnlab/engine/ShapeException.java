package org.rnnlab.engine;

/** A tensor had a shape an operation cannot take; the message names the shapes involved. */
public final class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }
}
