package org.rnnlab.reporting.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rnnlab.reporting.model.ConfusionRecord;
import org.rnnlab.reporting.model.EpochRecord;
import org.rnnlab.reporting.model.ExperimentRecord;
import org.rnnlab.reporting.model.GradientRecord;
import org.rnnlab.reporting.model.RunDirectory;
import org.rnnlab.reporting.model.SampleRecord;
import org.rnnlab.reporting.model.VariantRecord;
import org.rnnlab.reporting.model.VariantStatus;

/**
 * Writes the CSV files of {@link CsvLayout} from records. Each file is rewritten whole (atomically) so
 * that its columns stay sorted and complete even when a metric first appears in a later epoch.
 */
public final class CsvRunWriter {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private final RunDirectory directory;

    public CsvRunWriter(RunDirectory directory) {
        this.directory = directory;
    }

    public void writeExperiment(ExperimentRecord experiment) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "", experiment.name()));
        rows.add(List.of("description", "", experiment.description()));
        rows.add(List.of("wall_millis", "", Long.toString(experiment.wallMillis())));
        experiment.provenance().forEach((k, v) -> rows.add(List.of("provenance", k, v)));
        directory.write(directory.file(CsvLayout.EXPERIMENT), csv(List.of(CsvLayout.EXPERIMENT_COLUMNS), rows));
    }

    public void writeSummary(ExperimentRecord experiment) throws IOException {
        Set<String> settings = new TreeSet<>();
        Set<String> finals = new TreeSet<>();
        Set<String> bests = new TreeSet<>();
        for (VariantRecord v : experiment.variants()) {
            settings.addAll(v.settings().keySet());
            finals.addAll(v.finalMetrics().keySet());
            bests.addAll(v.bestMetrics().keySet());
        }
        List<String> header = new ArrayList<>(List.of(CsvLayout.SUMMARY_FIXED));
        settings.forEach(k -> header.add(CsvLayout.SETTING_PREFIX + k));
        finals.forEach(k -> header.add(CsvLayout.FINAL_PREFIX + k));
        bests.forEach(k -> header.add(CsvLayout.BEST_PREFIX + k));
        List<List<String>> rows = new ArrayList<>();
        for (VariantRecord v : experiment.variants()) {
            // a variant that has not started has no seed yet: an empty cell, not seed 0
            String seed = v.status() == VariantStatus.NOT_STARTED ? "" : Long.toString(v.seed());
            List<String> row = new ArrayList<>(List.of(v.name(), v.status().name(), seed,
                    Integer.toString(v.epochs().size()), Integer.toString(v.epochsPlanned()),
                    Long.toString(v.wallMillis()), Integer.toString(v.endedEpoch()), Long.toString(v.endedStep()),
                    v.note(), Integer.toString(v.best().epoch()), v.best().metric(),
                    Boolean.toString(v.best().restored())));
            settings.forEach(k -> row.add(v.settings().getOrDefault(k, "")));
            finals.forEach(k -> row.add(cell(v.finalMetrics().get(k))));
            bests.forEach(k -> row.add(cell(v.bestMetrics().get(k))));
            rows.add(row);
        }
        directory.write(directory.file(CsvLayout.SUMMARY), csv(header, rows));
    }

    public void writeMetrics(VariantRecord v) throws IOException {
        Set<String> metrics = new TreeSet<>();
        Set<String> timings = new TreeSet<>();
        for (EpochRecord e : v.epochs()) {
            metrics.addAll(e.metrics().keySet());
            e.timings().keySet().forEach(t -> timings.add(CsvLayout.timingColumn(t)));
        }
        List<String> header = new ArrayList<>();
        header.add(CsvLayout.EPOCH);
        header.addAll(metrics);
        header.addAll(timings);
        List<List<String>> rows = new ArrayList<>();
        for (EpochRecord e : v.epochs()) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(e.epoch()));
            metrics.forEach(m -> row.add(cell(e.metrics().get(m))));
            for (String t : timings) {
                Double value = e.timings().get(t);
                if (value == null) {
                    value = e.timings().get(t.substring(CsvLayout.TIMING_PREFIX.length()));
                }
                row.add(cell(value));
            }
            rows.add(row);
        }
        directory.write(directory.variantFile(v.name(), CsvLayout.METRICS), csv(header, rows));
    }

    public void writeGradients(VariantRecord v) throws IOException {
        Set<String> parameters = new TreeSet<>();
        int steps = 0;
        for (GradientRecord g : v.gradients()) {
            parameters.addAll(g.parameterNorms().keySet());
            steps = Math.max(steps, g.flow().size());
        }
        List<String> header = new ArrayList<>(List.of(CsvLayout.EPOCH, CsvLayout.GLOBAL_NORM));
        parameters.forEach(p -> header.add(CsvLayout.PARAMETER_NORM_PREFIX + p));
        for (int k = 0; k < steps; k++) {
            header.add(CsvLayout.FLOW_PREFIX + k);
        }
        List<List<String>> rows = new ArrayList<>();
        for (GradientRecord g : v.gradients()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(g.epoch()), CsvLayout.number(g.globalNorm())));
            parameters.forEach(p -> row.add(cell(g.parameterNorms().get(p))));
            for (int k = 0; k < steps; k++) {
                row.add(k < g.flow().size() ? CsvLayout.number(g.flow().get(k)) : "");
            }
            rows.add(row);
        }
        directory.write(directory.variantFile(v.name(), CsvLayout.GRADIENTS), csv(header, rows));
    }

    public void writeEvaluations(VariantRecord v) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ConfusionRecord c : v.evaluations()) {
            for (int a = 0; a < c.labels().size(); a++) {
                for (int p = 0; p < c.labels().size(); p++) {
                    rows.add(List.of(Integer.toString(c.epoch()), c.split(), c.labels().get(a), c.labels().get(p),
                            Long.toString(c.counts().get(a).get(p))));
                }
            }
        }
        directory.write(directory.variantFile(v.name(), CsvLayout.EVALUATIONS),
                csv(List.of(CsvLayout.EVALUATION_COLUMNS), rows));
    }

    public void writeSamples(VariantRecord v) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (SampleRecord s : v.samples()) {
            for (int i = 0; i < s.texts().size(); i++) {
                rows.add(List.of(Integer.toString(s.epoch()), CsvLayout.number(s.novelShare()), Integer.toString(i),
                        s.texts().get(i)));
            }
        }
        directory.write(directory.variantFile(v.name(), CsvLayout.SAMPLES), csv(List.of(CsvLayout.SAMPLE_COLUMNS), rows));
    }

    /** Every file of one variant that has something to say. */
    public void writeVariant(VariantRecord v) throws IOException {
        writeMetrics(v);
        writeReported(v);
    }

    /**
     * Every file of a run, as the live reporter leaves them after the same events: a variant that has
     * not started has no folder; one still running has the files of what it reported so far.
     */
    public void writeAll(ExperimentRecord experiment) throws IOException {
        writeExperiment(experiment);
        for (VariantRecord v : experiment.variants()) {
            if (!v.epochs().isEmpty() || (v.status() != VariantStatus.RUNNING && v.status() != VariantStatus.NOT_STARTED)) {
                writeMetrics(v);
            }
            writeReported(v);
        }
        writeSummary(experiment);
    }

    /** The gradient, evaluation and sample files, each if the variant reported any. */
    private void writeReported(VariantRecord v) throws IOException {
        if (!v.gradients().isEmpty()) {
            writeGradients(v);
        }
        if (!v.evaluations().isEmpty()) {
            writeEvaluations(v);
        }
        if (!v.samples().isEmpty()) {
            writeSamples(v);
        }
    }

    private static String cell(Double value) {
        return value == null ? "" : CsvLayout.number(value);
    }

    private static String csv(List<String> header, List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return out.toString();
    }
}
