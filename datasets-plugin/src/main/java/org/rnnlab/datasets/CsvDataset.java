package org.rnnlab.datasets;

import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.DatasetProvider;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.experiment.SettingKey;
import org.rnnlab.api.experiment.SettingType;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;

/**
 * {@code csv}: a user's CSV or TSV file of labelled texts, read with commons-csv, for classification.
 * Options: {@code path} (required); {@code text} and {@code label}: the columns, by header name or 1-based
 * number (defaults {@code text}/{@code label} with a header, 1/2 without); {@code delimiter}: {@code ,}
 * {@code ;} {@code |} {@code tab} (or {@code \t}), default tab for {@code .tsv} files, else comma;
 * {@code header} (default true); {@code quote} (default on: RFC 4180 double quotes; off reads quotes as
 * plain text); {@code split}: optionally a column holding {@code train}/{@code validation}/{@code test} per
 * row, otherwise a split stratified by label with {@code validation} and {@code test} fractions (default
 * 0.1 each) by seed.
 *
 * <p>Every data row becomes an example or the load fails with a message naming the file, the line and the
 * column: a row with too few or too many fields, an empty text or label, an unclosed quote, bytes that are
 * not UTF-8, a label in validation or test that training never has. Only rows that are entirely empty are
 * skipped, and counted in the provenance ({@code rows.blank}).
 */
public final class CsvDataset implements DatasetProvider {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "labelled texts from a CSV/TSV file (classification)";
    }

    static final SettingKey<String> PATH = SplitSettings.path("the CSV or TSV file");
    static final SettingKey<String> TEXT = SettingKey.text("text",
            "the text column, by header name or 1-based number (default: text with a header, else 1)");
    static final SettingKey<String> LABEL = SettingKey.text("label",
            "the label column, by header name or 1-based number (default: label with a header, else 2)");
    static final SettingKey<Character> DELIMITER = SettingKey.of("delimiter",
            SettingType.of("character or tab", CsvDataset::delimiter, c -> c == '\t' ? "tab" : Character.toString(c)),
            "the field separator: , ; | tab or any one character (default: tab for .tsv/.tab files, else ,)");
    static final SettingKey<Boolean> HEADER = SettingKey.flag("header", "whether the first row names the columns")
            .defaultsTo(true);
    static final SettingKey<Boolean> QUOTE = SettingKey.flag("quote",
            "RFC 4180 double quotes; off reads quotes as plain text").defaultsTo(true);
    static final SettingKey<String> SPLIT = SettingKey.text("split",
            "a column holding train/validation/test per row (default: a split stratified by label)");
    static final SettingKey<Double> VALIDATION = SplitSettings.validationFraction(0.1);
    static final SettingKey<Double> TEST = SplitSettings.testFraction(0.1);

    @Override
    public SettingsSchema settings() {
        return SettingsSchema.of("dataset csv", PATH, TEXT, LABEL, DELIMITER, HEADER, QUOTE, SPLIT, VALIDATION, TEST);
    }

    @Override
    public Dataset load(Settings options, long seed) {
        Settings o = checkOptions(options);
        Path path = Path.of(o.get(PATH));
        boolean header = o.get(HEADER);
        boolean quote = o.get(QUOTE);
        char delimiter = o.find(DELIMITER).getOrElse(() -> byExtension(path));
        double validation = o.get(VALIDATION);
        double test = o.get(TEST);
        Splits.requireRoomForTraining(validation, test);
        Rows rows = read(path, delimiter, quote, header, o);
        SourceText source = rows.source();
        List<TextExample> examples = rows.examples();
        Map<Example, Integer> lineOf = rows.lineOf();
        Map<Example, String> splitOf = rows.splitOf();
        int splitColumn = rows.splitColumn();
        CsvColumns columns = rows.columns();
        Splits splits = splitColumn >= 0 ? given(examples, splitOf) : Splits.stratified(examples, TextExample::label, validation, test, seed);
        if (splitColumn >= 0 && splits.train().isEmpty()) {
            throw new RnnlabException(source.name() + ": no row has 'train' in " + columns.describe(splitColumn));
        }
        splits.requireLabelsSeenInTraining(source.name(), lineOf);
        return new Dataset(id(), "CSV file " + path.getFileName(), TaskKind.SEQUENCE_CLASSIFICATION, splits.train(),
                splits.validation(), splits.test(), splits.trainingLabels(),
                new Provenance(options, seed).source(source).put("rows.blank", Integer.toString(rows.blank())).with(splits));
    }

    /** Tab for {@code .tsv} and {@code .tab} files, else comma. */
    static char byExtension(Path path) {
        String file = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return file.endsWith(".tsv") || file.endsWith(".tab") ? '\t' : ',';
    }

    /** The delimiter a user typed. */
    static Either<String, Character> delimiter(String d) {
        return switch (d.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t", "\t" -> Either.right('\t');
            case "comma", "," -> Either.right(',');
            case "semicolon", ";" -> Either.right(';');
            case "pipe", "|" -> Either.right('|');
            default -> d.length() != 1 || d.equals("\"")
                    || d.equals("\n") || d.equals("\r")
                    ? Either.left("be one character such as , ; | or 'tab'") : Either.right(d.charAt(0));
        };
    }

    /** What one pass over the file gives: the examples, where each came from, and the file's facts. */
    private record Rows(SourceText source, CsvColumns columns, int splitColumn, int blank, List<TextExample> examples,
                        Map<Example, Integer> lineOf, Map<Example, String> splitOf) {}

    /**
     * Reads the file as a stream, one record at a time, keeping only the examples: memory grows with what a
     * dataset holds, not with the file's text held whole besides it (a 200 MB file loads within 2 GB of heap).
     */
    private static Rows read(Path path, char delimiter, boolean quote, boolean header, Settings o) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote(quote ? Character.valueOf('"') : null)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .build();
        List<TextExample> examples = new ArrayList<>();
        Map<Example, Integer> lineOf = new IdentityHashMap<>();
        Map<Example, String> splitOf = new IdentityHashMap<>();
        // a label is one of a few strings repeated on every row: kept once each, not once per row
        Map<String, String> labels = new java.util.HashMap<>();
        try (DataFileReader data = DataFileReader.open(path, "dataset.path");
             CSVParser parser = CSVParser.parse(data.reader(), format)) {
            String name = data.name();
            Iterator<CSVRecord> it = parser.iterator();
            CsvColumns columns = null;
            int textColumn = -1;
            int labelColumn = -1;
            int splitColumn = -1;
            int blank = 0;
            long linesBefore = 0; // line breaks up to the end of the previous record
            while (true) {
                int line = (int) Math.min(Integer.MAX_VALUE, linesBefore + 1);
                CSVRecord row;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    row = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                        throw new RnnlabException(data.invalidUtf8(), e);
                    }
                    throw new RnnlabException(quoteProblem(path, line, e), e);
                }
                linesBefore = parser.getCurrentLineNumber();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    blank++;
                    continue;
                }
                if (columns == null) {
                    columns = header ? new CsvColumns(name, List.copyOf(row.toList()), true)
                            : new CsvColumns(name, numbers(row.size()), false);
                    textColumn = columns.resolve("dataset.text", o.find(TEXT).getOrElse(header ? "text" : "1"));
                    labelColumn = columns.resolve("dataset.label", o.find(LABEL).getOrElse(header ? "label" : "2"));
                    CsvColumns named = columns;
                    splitColumn = o.find(SPLIT).map(s -> named.resolve("dataset.split", s)).getOrElse(-1);
                    if (labelColumn == textColumn) {
                        throw new ConfigException("settings 'dataset.text' and 'dataset.label' name the same column, "
                                + columns.describe(textColumn));
                    }
                    if (header) {
                        continue;
                    }
                }
                String where = name + " line " + line;
                if (row.size() != columns.count()) {
                    throw new RnnlabException(fieldCountProblem(where, row, columns));
                }
                String text = row.get(textColumn);
                String label = row.get(labelColumn).strip();
                if (text.isBlank()) {
                    throw new RnnlabException(where + ": the text in " + columns.describe(textColumn) + " is empty");
                }
                if (label.isEmpty()) {
                    throw new RnnlabException(where + ": the label in " + columns.describe(labelColumn) + " is empty");
                }
                TextExample example = new TextExample(text, labels.computeIfAbsent(label, l -> l));
                examples.add(example);
                lineOf.put(example, line);
                if (splitColumn >= 0) {
                    String split = row.get(splitColumn).strip().toLowerCase(Locale.ROOT);
                    if (!List.of("train", "validation", "test").contains(split)) {
                        throw new RnnlabException(where + ": the split in " + columns.describe(splitColumn)
                                + " must be train, validation or test but was '" + row.get(splitColumn) + "'");
                    }
                    splitOf.put(example, split);
                }
            }
            if (columns == null) {
                throw new RnnlabException(name + " is empty: no header and no rows");
            }
            if (examples.isEmpty()) {
                throw new RnnlabException(name + " has a header row (" + String.join(", ", columns.names())
                        + ") but no data rows");
            }
            SourceText source = data.facts();
            return new Rows(source, columns, splitColumn, blank, examples, lineOf, splitOf);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RnnlabException(DataFileReader.invalidUtf8(path), e);
        } catch (IOException e) {
            throw new RnnlabException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where a malformed quoted field starts: the first quote at or after the start of the record that failed
     * (on line {@code line}), found by reading the file again up to it.
     */
    private static String quoteProblem(Path path, int line, RuntimeException e) {
        String where = path.toString();
        try (Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                java.nio.file.Files.newInputStream(path), java.nio.charset.StandardCharsets.UTF_8))) {
            int current = 1;
            int column = 0;
            for (int c = in.read(); c >= 0; c = in.read()) {
                column++;
                if (c == '\uFEFF' && current == 1 && column == 1) {
                    column = 0;
                } else if (c == '"' && current >= line) {
                    where = path + " line " + current + ", column " + column;
                    break;
                } else if (c == '\n') {
                    current++;
                    column = 0;
                }
            }
        } catch (IOException io) {
            // the message still names the file; the place is a courtesy
        }
        String cause = String.valueOf(e.getMessage());
        if (cause.contains("EOF reached before encapsulated token finished")) {
            return where + ": a quote opens a field that is never closed (it runs to the end of the file); "
                    + "close it, or set dataset.quote=off if quotes in this file are plain text";
        }
        return where + ": a quoted field must be followed by the delimiter or the end of the line ("
                + cause.replaceFirst("^.*?: ", "") + "); double a quote inside a quoted field (\"\"), "
                + "or set dataset.quote=off if quotes in this file are plain text";
    }

    private static String fieldCountProblem(String where, CSVRecord row, CsvColumns columns) {
        if (row.size() < columns.count()) {
            List<String> missing = new ArrayList<>();
            for (int i = row.size(); i < columns.count(); i++) {
                missing.add(columns.describe(i));
            }
            return where + ": " + row.size() + (row.size() == 1 ? " field" : " fields") + " but " + columns.count()
                    + " columns; missing " + String.join(", ", missing);
        }
        String extra = row.get(columns.count());
        return where + ": " + row.size() + " fields but " + columns.count() + " columns; field " + (columns.count() + 1)
                + " ('" + (extra.length() > 40 ? extra.substring(0, 40) + "..." : extra) + "') has no column"
                + " (a delimiter inside a text needs the text in double quotes)";
    }

    private static List<String> numbers(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    private static Splits given(List<TextExample> examples, Map<Example, String> splitOf) {
        List<Example> train = new ArrayList<>();
        List<Example> validation = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (TextExample e : examples) {
            switch (splitOf.get(e)) {
                case "train" -> train.add(e);
                case "validation" -> validation.add(e);
                default -> test.add(e);
            }
        }
        return new Splits(train, validation, test);
    }
}
