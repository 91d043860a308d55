package org.rnnlab.reporting.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnlab.api.data.PianoRoll;
import org.rnnlab.api.event.Samples;
import org.rnnlab.reporting.model.ChoraleRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.SampleRecord;
import org.rnnlab.reporting.model.VariantRecord;

/**
 * The chorales a page shows: each variant's samples of its latest sampled epoch that are piano rolls in
 * {@link PianoRoll}'s text form (a music model's), on the grid of the variant's {@code dataset.steps_per_quarter}
 * (else quarter notes), each linked to the MIDI file the trainer wrote of it ({@link Samples#file}). Samples of
 * a language model are text and are left to {@link SamplesSection}.
 */
final class SampledChorales {
    /** At most this many chorales of one variant, so that a page of many variants stays light. */
    static final int PER_VARIANT = 4;
    private static final String GRID = "dataset.steps_per_quarter";
    private static final String MIDI = "mid";

    private SampledChorales() {}

    /**
     * @param fromComparison whether the page is the comparison page (links go into the variant's folder) or
     *                       the variant's own page (links stay in its folder)
     */
    static List<ChoraleRecord> of(ExperimentRecord experiment, boolean fromComparison) {
        List<ChoraleRecord> chorales = new ArrayList<>();
        for (VariantRecord v : experiment.variants()) {
            if (v.samples().isEmpty()) {
                continue;
            }
            SampleRecord last = v.samples().getLast();
            List<PianoRoll> rolls = rolls(last.texts(), grid(v));
            for (int i = 0; i < rolls.size() && i < PER_VARIANT; i++) {
                String file = (fromComparison ? RunLinks.variantFolder(v.name()) : "") + Samples.file(i, MIDI);
                chorales.add(chorale(v.name() + " · sample " + (i + 1) + " · epoch " + last.epoch(),
                        ChoraleRecord.Origin.SAMPLED, rolls.get(i), file));
            }
        }
        return chorales;
    }

    /** {@code roll} as a chorale to draw, linked to {@code file} (empty: no link). */
    static ChoraleRecord chorale(String label, ChoraleRecord.Origin origin, PianoRoll roll, String file) {
        List<ChoraleRecord.Note> notes = roll.notes().stream()
                .map(n -> new ChoraleRecord.Note(n.pitch(), n.start(), n.steps())).toList();
        return new ChoraleRecord(label, origin, roll.length(), roll.stepsPerQuarter(), notes, file);
    }

    /** Every text as a roll, or none if one of them is not a roll (then they are a language model's text). */
    static List<PianoRoll> rolls(List<String> texts, int grid) {
        List<PianoRoll> rolls = new ArrayList<>(texts.size());
        for (String text : texts) {
            Optional<PianoRoll> roll = roll(text, grid);
            if (roll.isEmpty()) {
                return List.of();
            }
            rolls.add(roll.get());
        }
        return rolls;
    }

    private static Optional<PianoRoll> roll(String text, int grid) {
        try {
            return Optional.of(PianoRoll.parseText(text, grid));
        } catch (IllegalArgumentException notARoll) {
            return Optional.empty();
        }
    }

    /** The variant's grid: its {@code dataset.steps_per_quarter}, else quarter notes. */
    static int grid(VariantRecord v) {
        try {
            return Math.max(1, Integer.parseInt(v.settings().getOrDefault(GRID, "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
