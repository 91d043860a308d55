package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.ConfusionMetrics;
import org.tribuo.classification.evaluation.LabelConfusionMatrix;
import org.tribuo.evaluation.metrics.EvaluationMetric;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.impl.ArrayExample;

/**
 * Accuracy, macro-averaged F1 and the confusion matrix of a classifier's predictions, computed by
 * Tribuo's evaluation classes ({@link LabelConfusionMatrix}, {@link ConfusionMetrics}) over the
 * dataset's label set, so that classes never predicted still count in the macro average.
 */
record ClassificationScores(double accuracy, double macroF1, long[][] confusion) {

    /** Scores of {@code predicted} against {@code actual}, both class indices into {@code labels}. */
    static ClassificationScores of(List<String> labels, int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " true classes but " + predicted.length + " predictions");
        }
        int k = labels.size();
        long[][] confusion = new long[k][k];
        if (actual.length == 0) {
            return new ClassificationScores(Double.NaN, Double.NaN, confusion);
        }
        Map<Label, Integer> ids = new LinkedHashMap<>();
        List<Label> domain = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Label l = new Label(labels.get(i));
            domain.add(l);
            ids.put(l, i);
        }
        ImmutableOutputInfo<Label> info = new LabelFactory().constructInfoForExternalModel(ids);
        List<Prediction<Label>> predictions = new ArrayList<>(actual.length);
        for (int i = 0; i < actual.length; i++) {
            Label truth = domain.get(actual[i]);
            predictions.add(new Prediction<>(domain.get(predicted[i]), 0, new ArrayExample<>(truth)));
        }
        LabelConfusionMatrix matrix = new LabelConfusionMatrix(info, predictions);
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                confusion[a][p] = Math.round(matrix.confusion(domain.get(p), domain.get(a)));
            }
        }
        double accuracy = ConfusionMetrics.accuracy(EvaluationMetric.Average.MICRO, matrix);
        double macroF1 = ConfusionMetrics.f1(MetricTarget.macroAverageTarget(), matrix);
        return new ClassificationScores(accuracy, macroF1, confusion);
    }
}
