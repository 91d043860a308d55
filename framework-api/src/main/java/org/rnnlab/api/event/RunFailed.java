package org.rnnlab.api.event;

/** The run stopped on an error; {@code message} says what and where. */
public record RunFailed(String experiment, String variant, String message) implements RunEvent {}
