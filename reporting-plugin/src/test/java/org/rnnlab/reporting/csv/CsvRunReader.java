package org.rnnlab.reporting.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.reporting.model.ConfusionRecord;
import org.rnnlab.reporting.model.EpochRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.GradientRecord;
import org.rnnlab.reporting.model.RunDirectory;
import org.rnnlab.reporting.model.SampleRecord;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.model.VariantStatus;

/**
 * Reads back what {@link CsvRunWriter} wrote, so that tests can check the files say what the events said
 * (no reporter reads another's files: reports are rebuilt from the event log). The variants are the rows
 * of {@code summary.csv}; without one (an experiment stopped before its first run ended), every folder
 * holding a {@code metrics.csv} is a variant still marked running. A missing optional file means the
 * run had nothing of that kind; a malformed one is an error naming the file and line.
 */
public final class CsvRunReader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    private final RunDirectory directory;

    public CsvRunReader(RunDirectory directory) {
        this.directory = directory;
    }

    /** Whether the folder holds anything to rebuild a report from. */
    public boolean hasData() throws IOException {
        return Files.exists(directory.file(CsvLayout.SUMMARY)) || !variantFolders().isEmpty();
    }

    public ExperimentRecord read() throws IOException {
        String name = directory.root().getParent() == null ? "" : directory.root().getParent().getFileName().toString();
        String description = "";
        long wall = -1;
        Map<String, String> provenance = new TreeMap<>();
        Path experimentFile = directory.file(CsvLayout.EXPERIMENT);
        if (Files.exists(experimentFile)) {
            for (CSVRecord r : records(experimentFile)) {
                switch (r.get("field")) {
                    case "name" -> name = r.get("value");
                    case "description" -> description = r.get("value");
                    case "wall_millis" -> wall = parseLong(experimentFile, r, "value");
                    case "provenance" -> provenance.put(r.get("key"), r.get("value"));
                    default -> { } // a field added by a later version: nothing this version can show
                }
            }
        }
        List<VariantRecord> variants = new ArrayList<>();
        Path summary = directory.file(CsvLayout.SUMMARY);
        if (Files.exists(summary)) {
            for (CSVRecord r : records(summary)) {
                variants.add(variant(summary, r));
            }
        } else {
            for (String v : variantFolders()) {
                variants.add(new VariantRecord(v, Map.of(), 0, 0, VariantStatus.RUNNING, metrics(v), gradients(v),
                        evaluations(v), samples(v), Map.of(), Map.of(), -1, "", -1, -1));
            }
        }
        return new ExperimentRecord(name, description, provenance, variants, wall);
    }

    private List<String> variantFolders() throws IOException {
        if (!Files.isDirectory(directory.root())) {
            throw new RnnlabException("run directory " + directory.root() + " does not exist");
        }
        try (Stream<Path> children = Files.list(directory.root())) {
            return children.filter(p -> Files.exists(p.resolve(CsvLayout.METRICS)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private VariantRecord variant(Path file, CSVRecord r) throws IOException {
        String name = r.get("variant");
        Map<String, String> settings = new TreeMap<>();
        Map<String, Double> finals = new TreeMap<>();
        Map<String, Double> bests = new TreeMap<>();
        r.toMap().forEach((column, value) -> {
            if (column.startsWith(CsvLayout.SETTING_PREFIX) && !value.isEmpty()) {
                settings.put(column.substring(CsvLayout.SETTING_PREFIX.length()), value);
            } else if (column.startsWith(CsvLayout.FINAL_PREFIX) && !value.isEmpty()) {
                finals.put(column.substring(CsvLayout.FINAL_PREFIX.length()), parseDouble(file, r, column));
            } else if (column.startsWith(CsvLayout.BEST_PREFIX) && !value.isEmpty()) {
                bests.put(column.substring(CsvLayout.BEST_PREFIX.length()), parseDouble(file, r, column));
            }
        });
        VariantStatus status;
        try {
            status = VariantStatus.valueOf(r.get("status"));
        } catch (IllegalArgumentException e) {
            throw new RnnlabException(file + " record " + r.getRecordNumber() + ": unknown status '" + r.get("status") + "'");
        }
        // a variant that has not started has no seed: its cell is empty
        long seed = status == VariantStatus.NOT_STARTED && r.get("seed").isEmpty() ? 0 : parseLong(file, r, "seed");
        return new VariantRecord(name, settings, seed, (int) parseLong(file, r, "epochs_planned"),
                status, metrics(name), gradients(name), evaluations(name), samples(name), List.of(), finals, bests,
                parseLong(file, r, "wall_millis"), r.get("note"), (int) parseLong(file, r, "ended_epoch"),
                parseLong(file, r, "ended_step"), best(file, r));
    }

    private static org.rnnlab.api.event.BestEpoch best(Path file, CSVRecord r) {
        int epoch = (int) parseLong(file, r, "best_epoch");
        String metric = r.get("best_by");
        // the value is in the best.<metric> column
        String value = metric.isEmpty() ? "" : r.isMapped(CsvLayout.BEST_PREFIX + metric) ? r.get(CsvLayout.BEST_PREFIX + metric) : "";
        return epoch == 0 ? org.rnnlab.api.event.BestEpoch.NONE : new org.rnnlab.api.event.BestEpoch(epoch, metric,
                value.isEmpty() ? Double.NaN : Double.parseDouble(value), Boolean.parseBoolean(r.get("best_restored")));
    }

    private List<EpochRecord> metrics(String variant) throws IOException {
        Path file = directory.variantFile(variant, CsvLayout.METRICS);
        List<EpochRecord> epochs = new ArrayList<>();
        if (!Files.exists(file)) {
            return epochs;
        }
        for (CSVRecord r : records(file)) {
            Map<String, Double> metrics = new TreeMap<>();
            Map<String, Double> timings = new TreeMap<>();
            for (String column : r.getParser().getHeaderNames()) {
                if (column.equals(CsvLayout.EPOCH) || r.get(column).isEmpty()) {
                    continue;
                }
                (column.startsWith(CsvLayout.TIMING_PREFIX) ? timings : metrics).put(column, parseDouble(file, r, column));
            }
            epochs.add(new EpochRecord((int) parseLong(file, r, CsvLayout.EPOCH), metrics, timings));
        }
        return epochs;
    }

    private List<GradientRecord> gradients(String variant) throws IOException {
        Path file = directory.variantFile(variant, CsvLayout.GRADIENTS);
        List<GradientRecord> gradients = new ArrayList<>();
        if (!Files.exists(file)) {
            return gradients;
        }
        for (CSVRecord r : records(file)) {
            Map<String, Double> parameters = new TreeMap<>();
            List<Double> flow = new ArrayList<>();
            for (String column : r.getParser().getHeaderNames()) {
                if (column.startsWith(CsvLayout.FLOW_PREFIX)) {
                    if (!r.get(column).isEmpty()) {
                        flow.add(parseDouble(file, r, column));
                    }
                } else if (column.startsWith(CsvLayout.PARAMETER_NORM_PREFIX) && !column.equals(CsvLayout.GLOBAL_NORM)
                        && !r.get(column).isEmpty()) {
                    parameters.put(column.substring(CsvLayout.PARAMETER_NORM_PREFIX.length()), parseDouble(file, r, column));
                }
            }
            gradients.add(new GradientRecord((int) parseLong(file, r, CsvLayout.EPOCH),
                    parseDouble(file, r, CsvLayout.GLOBAL_NORM), parameters, flow));
        }
        return gradients;
    }

    private List<ConfusionRecord> evaluations(String variant) throws IOException {
        Path file = directory.variantFile(variant, CsvLayout.EVALUATIONS);
        List<ConfusionRecord> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        // rows come grouped by (epoch, split) with labels in matrix order, actual outer, predicted inner
        Map<String, List<CSVRecord>> groups = new LinkedHashMap<>();
        for (CSVRecord r : records(file)) {
            groups.computeIfAbsent(r.get("epoch") + "\u0000" + r.get("split"), k -> new ArrayList<>()).add(r);
        }
        for (List<CSVRecord> rows : groups.values()) {
            List<String> labels = new ArrayList<>();
            for (CSVRecord r : rows) {
                if (!labels.contains(r.get("actual"))) {
                    labels.add(r.get("actual"));
                }
            }
            List<List<Long>> counts = new ArrayList<>();
            for (int a = 0; a < labels.size(); a++) {
                List<Long> row = new ArrayList<>();
                for (int p = 0; p < labels.size(); p++) {
                    row.add(0L);
                }
                counts.add(row);
            }
            for (CSVRecord r : rows) {
                int a = labels.indexOf(r.get("actual"));
                int p = labels.indexOf(r.get("predicted"));
                if (p < 0) {
                    throw new RnnlabException(file + " record " + r.getRecordNumber() + ": predicted label '"
                            + r.get("predicted") + "' is not among the actual labels " + labels);
                }
                counts.get(a).set(p, parseLong(file, r, "count"));
            }
            CSVRecord first = rows.getFirst();
            out.add(new ConfusionRecord((int) parseLong(file, first, "epoch"), first.get("split"), labels, counts));
        }
        return out;
    }

    private List<SampleRecord> samples(String variant) throws IOException {
        Path file = directory.variantFile(variant, CsvLayout.SAMPLES);
        List<SampleRecord> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        Map<Integer, List<String>> texts = new TreeMap<>();
        Map<Integer, Double> novel = new TreeMap<>();
        for (CSVRecord r : records(file)) {
            int epoch = (int) parseLong(file, r, "epoch");
            texts.computeIfAbsent(epoch, e -> new ArrayList<>()).add(r.get("text"));
            novel.put(epoch, parseDouble(file, r, "novel_share"));
        }
        texts.forEach((epoch, t) -> out.add(new SampleRecord(epoch, novel.get(epoch), t)));
        return out;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return FORMAT.parse(in).getRecords();
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new RnnlabException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double parseDouble(Path file, CSVRecord r, String column) {
        try {
            return CsvLayout.number(r.get(column));
        } catch (IllegalArgumentException e) {
            throw new RnnlabException(file + " record " + r.getRecordNumber() + ", column " + column
                    + ": '" + (r.isMapped(column) && r.isSet(column) ? r.get(column) : "") + "' is not a number");
        }
    }

    private static long parseLong(Path file, CSVRecord r, String column) {
        try {
            return Long.parseLong(r.get(column));
        } catch (IllegalArgumentException e) {
            throw new RnnlabException(file + " record " + r.getRecordNumber() + ", column " + column
                    + ": '" + (r.isMapped(column) && r.isSet(column) ? r.get(column) : "") + "' is not a whole number");
        }
    }
}
