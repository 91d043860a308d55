package org.rnnlab.reporting.csv;

/**
 * The names of the CSV files a run leaves and of their fixed columns. Scripts and spreadsheets read
 * these files, so names here never change once published; rnnlab itself never reads them back (reports
 * are rebuilt from the run's event log).
 *
 * <pre>
 * experiment.csv          field,key,value   (name | description | wall_millis | provenance,key)
 * summary.csv             variant,status,seed,epochs_done,epochs_planned,wall_millis,ended_epoch,ended_step,note,
 *                         best_epoch,best_by,best_restored (the best epoch, the metric that chose it, and whether
 *                         the test metrics and model are that epoch's; 0, empty and false when none),
 *                         setting.&lt;key&gt;...,final.&lt;metric&gt;...,best.&lt;metric&gt;...
 * &lt;variant&gt;/metrics.csv     epoch,&lt;metric&gt;...,time.&lt;timing&gt;...
 * &lt;variant&gt;/gradients.csv   epoch,grad.norm.global,grad.norm.&lt;parameter&gt;...,grad.flow.0,grad.flow.1,...
 * &lt;variant&gt;/evaluations.csv epoch,split,actual,predicted,count
 * &lt;variant&gt;/samples.csv     epoch,novel_share,index,text
 * </pre>
 * Numbers are written with {@link Double#toString(double)} (exact round trip, {@code NaN}, {@code Infinity});
 * an empty cell means "not measured".
 */
public final class CsvLayout {
    private CsvLayout() {}

    public static final String EXPERIMENT = "experiment.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String METRICS = "metrics.csv";
    public static final String GRADIENTS = "gradients.csv";
    public static final String EVALUATIONS = "evaluations.csv";
    public static final String SAMPLES = "samples.csv";

    public static final String EPOCH = "epoch";
    /** Timing columns of metrics.csv start with this; a timing whose name lacks it gets it. */
    public static final String TIMING_PREFIX = "time.";
    public static final String GLOBAL_NORM = "grad.norm.global";
    public static final String PARAMETER_NORM_PREFIX = "grad.norm.";
    public static final String FLOW_PREFIX = "grad.flow.";

    public static final String SETTING_PREFIX = "setting.";
    public static final String FINAL_PREFIX = "final.";
    public static final String BEST_PREFIX = "best.";
    public static final String[] SUMMARY_FIXED = {
        "variant", "status", "seed", "epochs_done", "epochs_planned", "wall_millis", "ended_epoch", "ended_step", "note",
        "best_epoch", "best_by", "best_restored"
    };
    public static final String[] EXPERIMENT_COLUMNS = {"field", "key", "value"};
    public static final String[] EVALUATION_COLUMNS = {"epoch", "split", "actual", "predicted", "count"};
    public static final String[] SAMPLE_COLUMNS = {"epoch", "novel_share", "index", "text"};

    static String number(double value) {
        return Double.toString(value);
    }

    static double number(String cell) {
        return cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    static String timingColumn(String timing) {
        return timing.startsWith(TIMING_PREFIX) ? timing : TIMING_PREFIX + timing;
    }

    /** The files under a variant's folder that the CSV reporter leaves for {@code v} once it has ended, in a fixed order. */
    public static java.util.List<String> variantFiles(org.rnnlab.reporting.model.VariantRecord v) {
        java.util.List<String> files = new java.util.ArrayList<>();
        if (!v.epochs().isEmpty() || !(v.status() == org.rnnlab.reporting.model.VariantStatus.RUNNING
                || v.status() == org.rnnlab.reporting.model.VariantStatus.NOT_STARTED)) {
            files.add(METRICS);
        }
        if (!v.gradients().isEmpty()) {
            files.add(GRADIENTS);
        }
        if (!v.evaluations().isEmpty()) {
            files.add(EVALUATIONS);
        }
        if (!v.samples().isEmpty()) {
            files.add(SAMPLES);
        }
        return files;
    }
}
