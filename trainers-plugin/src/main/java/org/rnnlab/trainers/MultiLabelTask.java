package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.experiment.RuntimeSettings;
import org.rnnlab.api.experiment.Settings;
import org.rnnlab.api.experiment.SettingsSchema;
import org.rnnlab.api.task.ModelFile;
import org.rnnlab.api.task.ModelRequest;
import org.rnnlab.api.task.SampleRequest;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.api.task.TaskEvaluation;
import org.rnnlab.api.task.TaskModel;
import org.rnnlab.api.task.TokenizerUse;
import org.rnnlab.engine.Tensor;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelSpec;
import org.rnnlab.model.SequenceModel;
import org.rnnlab.model.data.Batcher;

/**
 * {@code multi-label}: at each step the set of outputs that are on (the keys of a piano roll that sound),
 * one sigmoid per output, predicted from the steps before (next-step prediction from a zero first input,
 * as Boulanger-Lewandowski et al. 2012 and Chung et al. 2014). Loss: binary cross-entropy summed over the
 * outputs and averaged over the real time steps. Metrics: {@code nll_per_step} (the papers' figure, the
 * same number as {@code loss}) and frame-level {@code precision}, {@code recall} and {@code f1} of the
 * outputs above probability 0.5. Samples are rolls drawn step by step ({@link NoteSetSampler}), written as
 * text: one step per word, its MIDI notes (output + 21, the 88-key piano) joined by dots, {@code -} for a rest.
 */
final class MultiLabelTask implements Task {
    static final String ID = "multi-label";
    /** The MIDI note of output 0: A0, the lowest key of the piano (the datasets' 88-key rolls). */
    static final int LOWEST_NOTE = 21;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the set of outputs on at each next step (a sigmoid per output, binary cross-entropy summed over them);"
                + " NLL per step, frame precision/recall/F1, sampled rolls";
    }

    @Override
    public SettingsSchema settings() {
        return SequenceModelSettings.schema(id());
    }

    @Override
    public long minimumHeapBytes(Settings settings) {
        return SequenceModelSettings.minimumHeapBytes(settings);
    }

    @Override
    public boolean accepts(Dataset dataset) {
        return dataset.kind() == TaskKind.MULTI_LABEL_SEQUENCE;
    }

    @Override
    public List<TokenizerUse> tokenizers(Dataset dataset) {
        return List.of();
    }

    @Override
    public TaskData prepare(Dataset dataset, Map<String, FittedTokenizer> tokenizers) {
        return new MultiLabelData(dataset);
    }

    @Override
    public TaskModel build(TaskData data, ModelRequest request) {
        MultiLabelData d = (MultiLabelData) data;
        Settings settings = settings().requireValues(request.settings());
        String cell = settings.get(RuntimeSettings.CELL);
        ModelSpec spec = new ModelSpec(TaskKind.MULTI_LABEL_SEQUENCE, false, d.outputs(), 0, d.outputs(), cell,
                settings.get(SequenceModelSettings.HIDDEN), settings.get(SequenceModelSettings.LAYERS),
                settings.under(RuntimeSettings.CELL.name()), settings.get(SequenceModelSettings.FUSED));
        return new MultiLabelTaskModel(SequenceModel.create(request.cell(cell), spec,
                new SplittableRandom(request.seed())));
    }

    @Override
    public TaskEvaluation evaluate(TaskModel model, TaskData data, String split, String prefix, int batchSize) {
        MultiLabelData d = (MultiLabelData) data;
        SequenceModel m = ((MultiLabelTaskModel) model).model();
        double lossSum = 0;
        long steps = 0;
        FrameScores frames = FrameScores.NONE;
        for (Batch b : new Batcher(batchSize).sequential(d.lengths(split))) {
            ModelBatch mb = d.batch(split, b);
            SequenceModel.Predictions p = m.evaluate(mb, List.of());
            lossSum += p.lossSum();
            steps += p.terms();
            frames = frames.plus(FrameScores.ofBinary(p.predicted(), p.actual(), p.terms()));
        }
        Map<String, Double> metrics = new TreeMap<>();
        double nll = steps == 0 ? Double.NaN : lossSum / steps;
        metrics.put(prefix + ".loss", nll);
        metrics.put(prefix + ".nll_per_step", nll);
        metrics.put(prefix + ".precision", frames.precision());
        metrics.put(prefix + ".recall", frames.recall());
        metrics.put(prefix + ".f1", frames.f1());
        return new TaskEvaluation(metrics, null);
    }

    @Override
    public boolean generates() {
        return true;
    }

    @Override
    public List<String> samples(TaskModel model, SampleRequest request, RandomGenerator random) {
        SequenceModel m = ((MultiLabelTaskModel) model).model();
        int keys = m.spec().outputs();
        List<String> out = new ArrayList<>(request.count());
        for (int n = 0; n < request.count(); n++) {
            out.add(text(sample(m, keys, request.length(), request.temperature(), random)));
        }
        return out;
    }

    /** A roll of {@code steps} frames drawn from the model. */
    static float[][] sample(SequenceModel model, int keys, int steps, double temperature, RandomGenerator random) {
        List<Tensor> states = new ArrayList<>();
        return NoteSetSampler.sample(frame -> model.nextLogits(frame, states), keys, steps, temperature, random);
    }

    /** The text form of a roll (see the class comment). */
    static String text(float[][] roll) {
        StringBuilder s = new StringBuilder();
        for (float[] frame : roll) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            int before = s.length();
            for (int k = 0; k < frame.length; k++) {
                if (frame[k] != 0f) {
                    s.append(s.length() > before ? "." : "").append(k + LOWEST_NOTE);
                }
            }
            if (s.length() == before) {
                s.append('-');
            }
        }
        return s.toString();
    }

    @Override
    public Map<String, String> modelMetadata(TaskData data, TaskModel model) {
        return SequenceModelFile.metadata(((MultiLabelTaskModel) model).model().spec(), List.of(), null);
    }

    @Override
    public TaskModel rebuild(ModelFile file, ComponentRegistry registry) {
        return new MultiLabelTaskModel(SequenceModelFile.rebuild(file, TaskKind.MULTI_LABEL_SEQUENCE, registry).model());
    }

    @Override
    public String modelFormat() {
        return SequenceTask.FORMAT;
    }

    @Override
    public String fileTag() {
        return TaskKind.MULTI_LABEL_SEQUENCE.name();
    }
}
