package org.rnnlab.api.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The notes sounding at each step of a fixed time grid: {@code steps[t]} holds the MIDI note numbers
 * (0-127, ascending, no repeats) that sound during step {@code t}; an empty step is a rest. A note held
 * over several steps appears in each of them; at this resolution a held note and a note struck again are
 * the same, and {@link #notes()} reads them as held, as the JSB chorales' quarter-note rolls intend.
 * The constructor keeps a sorted copy; {@link #steps()} hands out that copy itself: do not modify it.
 *
 * <p>A roll also has a text form ({@link #text()}, read by {@link #parseText}): one word per step, separated
 * by single spaces, each the step's MIDI notes in ascending order joined by dots, or {@code -} for a rest
 * ({@code 48.64.67.72 48.64.67.72 - 43.62.67.71}). It is how the multi-label task's samples travel in
 * events and files, and how reports and {@code lab generate} turn them back into notes; the grid is not part
 * of it.
 *
 * @param steps            the note sets, one per step, at least one step
 * @param stepsPerQuarter  grid steps per quarter note (1 = quarter notes, 4 = sixteenths)
 */
public record PianoRoll(int[][] steps, int stepsPerQuarter) {
    /** The lowest key of the 88-key piano (A0), the first column of {@link #frames()}. */
    public static final int LOWEST_KEY = 21;
    /** Keys of the piano roll's frames: MIDI 21-108. */
    public static final int KEYS = 88;

    public PianoRoll {
        Objects.requireNonNull(steps, "steps");
        if (steps.length == 0) {
            throw new IllegalArgumentException("a piano roll needs at least one step");
        }
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("steps per quarter note must be at least 1, got " + stepsPerQuarter);
        }
        int[][] copy = new int[steps.length][];
        for (int t = 0; t < steps.length; t++) {
            int[] notes = steps[t].clone();
            Arrays.sort(notes);
            for (int i = 0; i < notes.length; i++) {
                if (notes[i] < 0 || notes[i] > 127) {
                    throw new IllegalArgumentException("step " + t + " holds note " + notes[i] + ", outside MIDI 0-127");
                }
                if (i > 0 && notes[i] == notes[i - 1]) {
                    throw new IllegalArgumentException("step " + t + " holds note " + notes[i] + " twice");
                }
            }
            copy[t] = notes;
        }
        steps = copy;
    }

    /** A roll from multi-hot frames over the 88 keys ({@code frames[t][k] != 0} means key {@code 21 + k} sounds). */
    public static PianoRoll ofFrames(float[][] frames, int stepsPerQuarter) {
        int[][] steps = new int[frames.length][];
        for (int t = 0; t < frames.length; t++) {
            if (frames[t].length != KEYS) {
                throw new IllegalArgumentException("frame " + t + " has " + frames[t].length + " keys, not " + KEYS);
            }
            float[] frame = frames[t];
            steps[t] = java.util.stream.IntStream.range(0, KEYS).filter(k -> frame[k] != 0f)
                    .map(k -> k + LOWEST_KEY).toArray();
        }
        return new PianoRoll(steps, stepsPerQuarter);
    }

    /** The text form (see the class comment). */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (int[] step : steps) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            if (step.length == 0) {
                s.append('-');
            }
            for (int i = 0; i < step.length; i++) {
                s.append(i == 0 ? "" : ".").append(step[i]);
            }
        }
        return s.toString();
    }

    /**
     * The roll whose {@link #text()} is {@code text}, on a grid of {@code stepsPerQuarter}.
     *
     * @throws IllegalArgumentException naming the first word (1-based) that is not a step: empty, not numbers
     *         joined by dots, a note outside 0-127, notes not ascending or repeated
     */
    public static PianoRoll parseText(String text, int stepsPerQuarter) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an empty text holds no steps of a piano roll");
        }
        String[] words = text.split(" ", -1);
        int[][] steps = new int[words.length][];
        for (int t = 0; t < words.length; t++) {
            steps[t] = step(words[t], t);
        }
        return new PianoRoll(steps, stepsPerQuarter);
    }

    private static int[] step(String word, int t) {
        if (word.equals("-")) {
            return new int[0];
        }
        if (!word.matches("\\d{1,3}(\\.\\d{1,3})*")) {
            throw new IllegalArgumentException("word " + (t + 1) + " '" + word + "' is not a step of a piano roll"
                    + " (MIDI notes joined by dots, or - for a rest)");
        }
        String[] parts = word.split("\\.");
        int[] notes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            notes[i] = Integer.parseInt(parts[i]);
            if (notes[i] > 127 || (i > 0 && notes[i] <= notes[i - 1])) {
                throw new IllegalArgumentException("word " + (t + 1) + " '" + word + "': notes must be MIDI 0-127 in"
                        + " ascending order, each once");
            }
        }
        return notes;
    }

    /** Number of steps. */
    public int length() {
        return steps.length;
    }

    /** The notes of step {@code t} (a copy). */
    public int[] notesAt(int t) {
        return steps[t].clone();
    }

    /** Whether every note lies on the 88-key piano (MIDI 21-108). */
    public boolean fitsPiano() {
        return Arrays.stream(steps).flatMapToInt(Arrays::stream).allMatch(n -> n >= LOWEST_KEY && n < LOWEST_KEY + KEYS);
    }

    /**
     * Multi-hot frames {@code [T][88]}: 1 where key {@code 21 + k} sounds. Every note must lie on the piano
     * ({@link #fitsPiano()}).
     */
    public float[][] frames() {
        float[][] frames = new float[steps.length][KEYS];
        for (int t = 0; t < steps.length; t++) {
            for (int n : steps[t]) {
                int k = n - LOWEST_KEY;
                if (k < 0 || k >= KEYS) {
                    throw new IllegalArgumentException("note " + n + " at step " + t + " is outside the 88 keys (MIDI 21-108)");
                }
                frames[t][k] = 1f;
            }
        }
        return frames;
    }

    /** The notes as events: a pitch sounding over consecutive steps is one note, in order of start, then pitch. */
    public List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        for (int t = 0; t < steps.length; t++) {
            for (int pitch : steps[t]) {
                if (t > 0 && Arrays.binarySearch(steps[t - 1], pitch) >= 0) {
                    continue;
                }
                int end = t + 1;
                while (end < steps.length && Arrays.binarySearch(steps[end], pitch) >= 0) {
                    end++;
                }
                notes.add(new Note(pitch, t, end - t));
            }
        }
        return notes;
    }

    /**
     * One note of a roll.
     *
     * @param pitch the MIDI note number
     * @param start the first step it sounds in
     * @param steps how many steps it lasts, at least 1
     */
    public record Note(int pitch, int start, int steps) {}

    // Records compare arrays by identity; rolls are compared by content.
    @Override
    public boolean equals(Object o) {
        return o instanceof PianoRoll p && stepsPerQuarter == p.stepsPerQuarter && Arrays.deepEquals(steps, p.steps);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(steps) + stepsPerQuarter;
    }

    @Override
    public String toString() {
        return "PianoRoll[steps=" + steps.length + ", stepsPerQuarter=" + stepsPerQuarter + ", notes=" + notes().size() + "]";
    }
}
