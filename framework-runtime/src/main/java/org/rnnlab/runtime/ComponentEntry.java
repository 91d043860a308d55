package org.rnnlab.runtime;

/** A component as {@code lab plugins} shows it: its kind, id, one-line description and class. */
public record ComponentEntry(String kind, String id, String description, String type) {}
