package org.rnnlab.trainers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.RnnlabException;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.MidiWriter;
import org.rnnlab.api.data.PianoRoll;
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
 * outputs above probability 0.5. Samples are rolls drawn step by step ({@link NoteSetSampler}), written in
 * {@link PianoRoll}'s text form: one step per word, its MIDI notes (output + 21, the 88-key piano) joined by
 * dots, {@code -} for a rest; as files they are standard MIDI files ({@link MidiWriter}) on the data's grid
 * ({@value #STEPS_PER_QUARTER} in the model file: the dataset's {@code steps_per_quarter}, else 1).
 */
final class MultiLabelTask implements Task {
    static final String ID = "multi-label";
    /** The MIDI note of output 0: A0, the lowest key of the piano (the datasets' 88-key rolls). */
    static final int LOWEST_NOTE = 21;
    /** The model-file entry (and dataset provenance entry) of the grid: time steps per quarter note. */
    static final String STEPS_PER_QUARTER = "steps_per_quarter";
    /** Sampled chorales play at a calm chorale tempo, as the report's player does. */
    static final int QUARTERS_PER_MINUTE = 90;
    /** Real rolls a report shows beside the sampled ones: a few, so that a page of many variants stays light. */
    static final int EXCERPTS = 2;

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
        return SequenceModelSettings.schema(id()).plus(SequenceModelSettings.dropoutSchema(id()));
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
        SequenceModelSettings.refuseEmbeddingVectors(request.settings(), id());
        Settings settings = settings().requireValues(request.settings());
        String cell = settings.get(RuntimeSettings.CELL);
        ModelSpec spec = new ModelSpec(TaskKind.MULTI_LABEL_SEQUENCE, false, d.outputs(), 0, d.outputs(), cell,
                settings.get(SequenceModelSettings.HIDDEN), settings.get(SequenceModelSettings.LAYERS),
                settings.under(RuntimeSettings.CELL.name()), settings.get(SequenceModelSettings.FUSED));
        return new MultiLabelTaskModel(SequenceModelSettings.withDropout(SequenceModel.create(request.cell(cell), spec,
                new SplittableRandom(request.seed())), settings, request.seed()), grid(d.dataset()));
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

    /** The first {@value #EXCERPTS} rolls of {@code split}, each cut to the sample length, in the samples' text form. */
    @Override
    public List<String> dataExcerpts(TaskData data, String split, Settings settings) {
        List<float[][]> rolls = ((MultiLabelData) data).rolls(split);
        if (rolls == null) {
            return List.of();
        }
        int length = settings.get(RunSettings.SAMPLE_LENGTH);
        return rolls.stream().limit(EXCERPTS)
                .map(roll -> text(java.util.Arrays.copyOf(roll, Math.min(roll.length, length)))).toList();
    }

    /** A roll of {@code steps} frames drawn from the model. */
    static float[][] sample(SequenceModel model, int keys, int steps, double temperature, RandomGenerator random) {
        List<Tensor> states = new ArrayList<>();
        return NoteSetSampler.sample(frame -> model.nextLogits(frame, states), keys, steps, temperature, random);
    }

    /** The text form of a roll of 0/1 frames, output {@code k} being MIDI note {@code k + 21} (see the class comment). */
    static String text(float[][] roll) {
        int[][] steps = new int[roll.length][];
        for (int t = 0; t < roll.length; t++) {
            float[] frame = roll[t];
            steps[t] = java.util.stream.IntStream.range(0, frame.length).filter(k -> frame[k] != 0f)
                    .map(k -> k + LOWEST_NOTE).toArray();
        }
        return new PianoRoll(steps, 1).text();
    }

    @Override
    public String sampleFileType() {
        return "mid";
    }

    @Override
    public void writeSample(TaskModel model, String sample, Path file) throws IOException {
        PianoRoll roll = PianoRoll.parseText(sample, ((MultiLabelTaskModel) model).stepsPerQuarter());
        new MidiWriter(QUARTERS_PER_MINUTE).write(roll, file.getFileName().toString(), file);
    }

    @Override
    public Map<String, String> modelMetadata(TaskData data, TaskModel model) {
        MultiLabelTaskModel m = (MultiLabelTaskModel) model;
        Map<String, String> meta = new LinkedHashMap<>(SequenceModelFile.metadata(m.model().spec(), List.of(), null));
        meta.put(STEPS_PER_QUARTER, Integer.toString(m.stepsPerQuarter()));
        return meta;
    }

    @Override
    public TaskModel rebuild(ModelFile file, ComponentRegistry registry) {
        // files written before the grid was recorded hold quarter-note rolls (jsb-chorales)
        String grid = file.metadata().getOrDefault(STEPS_PER_QUARTER, "1");
        int stepsPerQuarter;
        try {
            stepsPerQuarter = Integer.parseInt(grid);
        } catch (NumberFormatException e) {
            stepsPerQuarter = 0;
        }
        if (stepsPerQuarter < 1) {
            throw new RnnlabException(file.path() + ": metadata '" + STEPS_PER_QUARTER + "' must be a whole number of at"
                    + " least 1, not '" + grid + "'");
        }
        return new MultiLabelTaskModel(SequenceModelFile.rebuild(file, TaskKind.MULTI_LABEL_SEQUENCE, registry).model(),
                stepsPerQuarter);
    }

    /** The grid of the dataset's rolls: its provenance's {@value #STEPS_PER_QUARTER} (a MIDI corpus), else 1. */
    private static int grid(Dataset dataset) {
        try {
            return Math.max(1, Integer.parseInt(dataset.provenance().getOrDefault(STEPS_PER_QUARTER, "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
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
