package org.rnnlab.reporting.model;

import java.util.List;
import java.util.Objects;

/**
 * A piece of polyphonic music to draw as a piano roll and play in a report: a real one from the data or
 * one a model sampled. Time is counted in steps of a grid ({@code stepsPerQuarter} steps per quarter note).
 *
 * @param label           what it is, e.g. {@code test chorale 3} or {@code gru sample 1}
 * @param origin          where it came from
 * @param steps           its length in steps, at least 1
 * @param stepsPerQuarter grid steps per quarter note, at least 1
 * @param notes           its notes, each inside {@code [0, steps)}
 * @param file            a link to it as a MIDI file, relative to the page, or empty
 */
public record ChoraleRecord(String label, Origin origin, int steps, int stepsPerQuarter, List<Note> notes, String file) {
    /** Where a chorale came from. */
    public enum Origin { REAL, SAMPLED }

    /**
     * One note.
     *
     * @param pitch  MIDI note number, 0-127
     * @param start  the first step it sounds in
     * @param length how many steps it sounds, at least 1
     */
    public record Note(int pitch, int start, int length) {
        public Note {
            if (pitch < 0 || pitch > 127 || start < 0 || length < 1) {
                throw new IllegalArgumentException("not a note: pitch " + pitch + ", start " + start + ", length " + length);
            }
        }
    }

    /** A chorale without a file to link. */
    public ChoraleRecord(String label, Origin origin, int steps, int stepsPerQuarter, List<Note> notes) {
        this(label, origin, steps, stepsPerQuarter, notes, "");
    }

    public ChoraleRecord {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(file, "file");
        notes = List.copyOf(notes);
        if (steps < 1 || stepsPerQuarter < 1) {
            throw new IllegalArgumentException(label + ": needs at least one step and one step per quarter note");
        }
        for (Note n : notes) {
            if (n.start() + n.length() > steps) {
                throw new IllegalArgumentException(label + ": " + n + " ends after the last of " + steps + " steps");
            }
        }
    }
}
