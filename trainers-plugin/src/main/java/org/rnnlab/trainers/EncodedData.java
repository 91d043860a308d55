package org.rnnlab.trainers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.data.Batch;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.EncodedInput;
import org.rnnlab.api.data.Example;
import org.rnnlab.api.data.NextTokenBatch;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.PairExample;
import org.rnnlab.api.data.PaddedVectors;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.data.TextExample;
import org.rnnlab.api.data.TokenCounts;
import org.rnnlab.api.data.TokenIds;
import org.rnnlab.api.data.Tokenizer;
import org.rnnlab.api.data.VectorExample;
import org.rnnlab.api.data.Vocabulary;
import org.rnnlab.api.task.Task;
import org.rnnlab.api.task.TaskData;
import org.rnnlab.model.InputWindow;
import org.rnnlab.model.ModelBatch;
import org.rnnlab.model.ModelInput;
import org.rnnlab.model.Targets;

/**
 * A dataset encoded for a {@link SequenceTask}: every example of every split as ids, counts or vectors
 * with its target, and the batches made from them. The tokenizer comes fitted (on the training split
 * only) from the runtime's pipeline.
 */
final class EncodedData implements TaskData {
    static final List<String> SPLITS = List.of("train", "validation", "test");

    private final Dataset dataset;
    private final Task.FittedTokenizer fitted;
    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private Set<String> trainingTexts;
    private final Map<String, List<Encoded>> splits = new LinkedHashMap<>();
    private final boolean tokenInput;
    private final int inputSize;
    private final int outputs;
    private final InputWindow window;

    /** One example: exactly one of ids, counts and steps is set, with its target. */
    record Encoded(int[] ids, float[] counts, float[][] steps, int label, int[] tags, float[] values) {
        int length(TaskKind kind) {
            if (ids != null) {
                return kind == TaskKind.LANGUAGE_MODELLING ? ids.length + 1 : ids.length;
            }
            return counts != null ? 1 : steps.length;
        }
    }

    /** {@code fitted} is the tokenizer fitted on the training texts, or null for vector examples. */
    EncodedData(Dataset dataset, Task.FittedTokenizer fitted) {
        this.dataset = dataset;
        this.fitted = fitted;
        boolean text = dataset.train().getFirst() instanceof TextExample;
        if (text && fitted == null) {
            throw new ConfigException("dataset '" + dataset.id() + "' holds text: setting 'tokenizer' is required");
        }
        this.tokenizer = fitted == null ? null : fitted.tokenizer();
        this.vocabulary = fitted == null ? null : fitted.vocabulary();
        if (dataset.kind() == TaskKind.LANGUAGE_MODELLING && tokenizer != null && !tokenizer.ordered()
                && tokenizer.window().isEmpty()) {
            throw new ConfigException("language modelling over the unordered tokenizer '" + fitted.id()
                    + "' needs the bag of the last n words: set " + fitted.id() + ".window");
        }
        for (String split : SPLITS) {
            List<Encoded> out = new ArrayList<>();
            for (Example e : dataset.split(split)) {
                out.add(encode(e, split));
            }
            splits.put(split, out);
        }
        Encoded first = splits.get("train").getFirst();
        tokenInput = first.ids() != null;
        inputSize = first.counts() != null ? first.counts().length
                : vocabulary != null ? vocabulary.size() : first.steps()[0].length;
        outputs = switch (dataset.kind()) {
            case LANGUAGE_MODELLING -> vocabulary.size();
            case SEQUENCE_CLASSIFICATION, SEQUENCE_TAGGING -> dataset.labels().size();
            case SEQUENCE_REGRESSION -> first.values().length;
            case SEQUENCE_TO_SEQUENCE -> throw notSequenceToSequence(dataset);
            case MULTI_LABEL_SEQUENCE -> throw new ConfigException("dataset '" + dataset.id()
                    + "' holds sets of outputs per step: the multi-label task learns it, not " + dataset.kind());
        };
        window = dataset.kind() == TaskKind.LANGUAGE_MODELLING
                ? InputWindow.of(tokenizer.window(), tokenizer.ordered()) : InputWindow.NONE;
    }

    /** For language modelling: what each step reads of the tokens up to it, as the tokenizer says. */
    InputWindow window() {
        return window;
    }

    Dataset dataset() {
        return dataset;
    }

    TaskKind kind() {
        return dataset.kind();
    }

    /** The tokenizer as the pipeline fitted it (id, options), or null for vector examples. */
    Task.FittedTokenizer fitted() {
        return fitted;
    }

    @Override
    public List<String> labels() {
        return dataset.labels();
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }

    boolean tokenInput() {
        return tokenInput;
    }

    int inputSize() {
        return inputSize;
    }

    int outputs() {
        return outputs;
    }

    List<Encoded> split(String name) {
        return splits.get(name);
    }

    /** Each example's number of steps (what the batcher buckets by). */
    @Override
    public int[] lengths(String split) {
        List<Encoded> s = splits.get(split);
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.get(i).length(dataset.kind());
        }
        return out;
    }

    /** Whether a text is one of the training split's, to tell novel samples from remembered ones. */
    @Override
    public synchronized boolean inTraining(String text) {
        if (trainingTexts == null) {
            trainingTexts = new HashSet<>(Dataset.texts(dataset.train()));
        }
        return trainingTexts.contains(text);
    }

    /** The model batch of these examples of a split. */
    ModelBatch batch(String split, Batch batch) {
        List<Encoded> s = splits.get(split);
        List<Encoded> members = new ArrayList<>(batch.size());
        for (int i : batch.indices()) {
            members.add(s.get(i));
        }
        return switch (dataset.kind()) {
            case LANGUAGE_MODELLING -> {
                NextTokenBatch next = NextTokenBatch.of(members.stream().map(Encoded::ids).toList());
                yield new ModelBatch(new ModelInput.Ids(next.inputs()), new Targets.StepClasses(next.targets().ids()));
            }
            case SEQUENCE_CLASSIFICATION -> new ModelBatch(input(members),
                    new Targets.SequenceClasses(members.stream().mapToInt(Encoded::label).toArray()));
            case SEQUENCE_TAGGING -> {
                PaddedIds tags = PaddedIds.timeMajor(members.stream().map(Encoded::tags).toList());
                yield new ModelBatch(input(members), new Targets.StepClasses(tags.ids()));
            }
            case SEQUENCE_REGRESSION -> {
                int o = members.getFirst().values().length;
                float[] values = new float[members.size() * o];
                for (int b = 0; b < members.size(); b++) {
                    System.arraycopy(members.get(b).values(), 0, values, b * o, o);
                }
                yield new ModelBatch(input(members), new Targets.SequenceValues(values, o));
            }
            case SEQUENCE_TO_SEQUENCE -> throw notSequenceToSequence(dataset);
            // the constructor refuses these datasets (MultiLabelTask encodes them)
            case MULTI_LABEL_SEQUENCE -> throw new IllegalStateException("no sequence-task batches for " + dataset.kind());
        };
    }

    private ModelInput input(List<Encoded> members) {
        Encoded first = members.getFirst();
        if (first.ids() != null) {
            return new ModelInput.Ids(PaddedIds.timeMajor(members.stream().map(Encoded::ids).toList()));
        }
        if (first.counts() != null) {
            return new ModelInput.Features(PaddedVectors.ofCounts(members.stream()
                    .map(m -> new TokenCounts(m.counts())).toList()));
        }
        return new ModelInput.Features(PaddedVectors.timeMajor(members.stream().map(Encoded::steps).toList()));
    }

    private Encoded encode(Example example, String split) {
        TaskKind kind = dataset.kind();
        return switch (example) {
            case PairExample p -> throw notSequenceToSequence(dataset);
            case VectorExample v -> {
                if (kind != TaskKind.SEQUENCE_REGRESSION) {
                    throw new ConfigException("dataset '" + dataset.id() + "' (" + kind + ") holds vector examples; "
                            + "only regression reads them");
                }
                yield new Encoded(null, null, v.steps(), -1, null, v.target());
            }
            case TextExample t when kind == TaskKind.LANGUAGE_MODELLING ->
                    // every token is predicted, whatever one step of the tokenizer's own encoding would hold
                    new Encoded(tokenizer.sequenceIds(t.text(), vocabulary), null, null, -1, null, null);
            case TextExample t -> {
                EncodedInput in = tokenizer.encode(t.text(), vocabulary);
                int[] ids = in instanceof TokenIds ti ? ti.ids() : null;
                float[] counts = in instanceof TokenCounts tc ? tc.counts() : null;
                int label = -1;
                int[] tags = null;
                if (kind == TaskKind.SEQUENCE_CLASSIFICATION) {
                    label = dataset.labelIndex(t.label());
                    if (label < 0) {
                        throw new ConfigException("dataset '" + dataset.id() + "' " + split + " split: label '" + t.label()
                                + "' is not among the labels " + dataset.labels());
                    }
                } else if (kind == TaskKind.SEQUENCE_TAGGING) {
                    if (ids == null || ids.length != t.tags().size()) {
                        throw new ConfigException("dataset '" + dataset.id() + "' " + split + " split: tagging needs one tag "
                                + "per token id, but the tokenizer gave " + (ids == null ? "counts" : ids.length + " ids")
                                + " for " + t.tags().size() + " tags");
                    }
                    tags = new int[ids.length];
                    for (int i = 0; i < ids.length; i++) {
                        tags[i] = dataset.labelIndex(t.tags().get(i));
                    }
                } else if (kind == TaskKind.SEQUENCE_REGRESSION) {
                    throw new ConfigException("dataset '" + dataset.id() + "': regression needs vector examples, not text");
                }
                yield new Encoded(ids, counts, null, label, tags, null);
            }
        };
    }

    // the sequence-to-sequence task trains through its own model, not through these batches
    private static ConfigException notSequenceToSequence(Dataset dataset) {
        return new ConfigException("dataset '" + dataset.id() + "' holds (source, target) pairs; "
                + "this trainer does not train sequence-to-sequence models");
    }
}
