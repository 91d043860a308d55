package org.rnnlab.trainers;

import java.util.List;

/**
 * A line of the {@code word-boundaries} task written back with the spaces a tagger predicted, its
 * errors marked: {@value #MISSED} where a space belongs but none was predicted, {@value #SPURIOUS} where
 * a space was predicted but none belongs. A correct space is a space. {@code "First Citizen:"} predicted
 * as {@code FirstCit izen:} reads {@code First|Cit_izen:}.
 */
final class SpacedLine {
    static final char MISSED = '|';
    static final char SPURIOUS = '_';
    static final String LEGEND = "a space is a correctly predicted space; " + MISSED + " marks a missed space, "
            + SPURIOUS + " a space predicted where none belongs";

    private SpacedLine() {}

    /**
     * The characters with the predicted spaces; {@code actual[i]} and {@code predicted[i]} say whether a
     * space stands before character {@code i}.
     */
    static String render(List<String> characters, boolean[] actual, boolean[] predicted) {
        if (characters.size() != actual.length || actual.length != predicted.length) {
            throw new IllegalArgumentException(characters.size() + " characters, " + actual.length + " true and "
                    + predicted.length + " predicted tags");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] && predicted[i]) {
                b.append(' ');
            } else if (actual[i]) {
                b.append(MISSED);
            } else if (predicted[i]) {
                b.append(SPURIOUS);
            }
            b.append(characters.get(i));
        }
        return b.toString();
    }

    /** How many of the positions are wrong. */
    static int errors(boolean[] actual, boolean[] predicted) {
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != predicted[i]) {
                n++;
            }
        }
        return n;
    }
}
