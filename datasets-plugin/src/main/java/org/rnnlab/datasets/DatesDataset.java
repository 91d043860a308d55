package org.rnnlab.datasets;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code dates}: dates as people write them, in a dozen formats ({@code tuesday 9 may 1978}, {@code 9/5/78},
 * {@code the 9 of may 1978}, {@code MAY 9, 1978}, ...), paired with their ISO form {@code 1978-05-09}: the
 * course's translation-with-attention lab, with the formats and sizes of the PyTorch calibration script
 * ({@code dates_seq2seq.py}). Each date is drawn uniformly from the 29,200 days from 1950-01-01, a format
 * uniformly from the twelve, and one in ten texts is upper-cased. Options: {@code count} training pairs
 * (default 10000), {@code validation} and {@code test} counts (default 1000 each); each split comes from
 * its own stream of the seed.
 */
public final class DatesDataset implements DatasetProvider {
    static final LocalDate FIRST = LocalDate.of(1950, 1, 1);
    static final int DAYS = 365 * 80;
    static final int FORMATS = 12;

    @Override
    public String id() {
        return "dates";
    }

    @Override
    public String description() {
        return "human-readable dates in a dozen formats -> ISO yyyy-mm-dd (sequence to sequence)";
    }

    static final SettingKey<Integer> COUNT = SplitSettings.trainCount(10_000, 1);
    static final SettingKey<Integer> VALIDATION = SplitSettings.validationCount(1_000);
    static final SettingKey<Integer> TEST = SplitSettings.testCount(1_000);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset dates", COUNT, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        int count = o.get(COUNT);
        int validation = o.get(VALIDATION);
        int test = o.get(TEST);
        Splits splits = Splits.generated(count, validation, test, seed, DatesDataset::generate);
        return new Dataset(id(), description(), TaskKind.SEQUENCE_TO_SEQUENCE, splits.train(), splits.validation(),
                splits.test(), List.of(), new Provenance(options, seed).put("source", "generated").with(splits));
    }

    static List<Example> generate(int count, SplittableRandom random) {
        List<Example> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            LocalDate date = FIRST.plusDays(random.nextInt(DAYS));
            String text = human(date, random.nextInt(FORMATS));
            if (random.nextDouble() < 0.1) {
                text = text.toUpperCase(Locale.ROOT);
            }
            out.add(new PairExample(text, date.toString()));
        }
        return out;
    }

    /** The date written in format {@code format} (0-11), in lower case. */
    static String human(LocalDate d, int format) {
        int day = d.getDayOfMonth();
        int month = d.getMonthValue();
        int year = d.getYear();
        String m = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        String m3 = m.substring(0, 3);
        String dn = d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        return switch (format) {
            case 0 -> day + " " + m + " " + year;
            case 1 -> day + " " + m3 + " " + year;
            case 2 -> m + " " + day + ", " + year;
            case 3 -> m3 + " " + day + " " + year;
            case 4 -> dn + " " + day + " " + m + " " + year;
            case 5 -> dn + ", " + m + " " + day + ", " + year;
            case 6 -> String.format(Locale.ROOT, "%02d/%02d/%d", day, month, year);
            case 7 -> String.format(Locale.ROOT, "%d/%d/%02d", day, month, year % 100);
            case 8 -> day + "." + month + "." + year;
            case 9 -> year + "/" + month + "/" + day;
            case 10 -> dn.substring(0, 3) + " " + m3 + " " + day + " " + year;
            case 11 -> "the " + day + " of " + m + " " + year;
            default -> throw new IllegalArgumentException("no date format " + format + "; there are " + FORMATS);
        };
    }
}
