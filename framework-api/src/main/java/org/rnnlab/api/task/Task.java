package org.rnnlab.api.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.rnnlab.api.Component;
import org.rnnlab.api.ComponentRegistry;
import org.rnnlab.api.data.Dataset;
import org.rnnlab.api.data.Tokenizer;

/**
 * What is learned from a dataset (a component of kind {@code task}: {@code language-modelling},
 * {@code classification}, {@code regression}, {@code tagging}): it decides how a dataset's examples
 * become batches, the model's head and loss, the evaluation metrics, the samples, and what a model file
 * records so that the model can be rebuilt.
 *
 * <p>Contract: every method is deterministic (the same dataset, tokenizers, settings and seed give equal
 * data, models, metrics and model files) and does no training: the runtime's pipeline calls, in order,
 * {@link #tokenizers} (it then creates and fits them), {@link #prepare} (once per variant),
 * {@link #build} (the initial weights from {@link ModelRequest#seed()}), hands data and model to the
 * trainer, which calls {@link #evaluate} and {@link #samples}; at the end the pipeline saves
 * {@link #modelMetadata} and the weights as one model file, and {@link #rebuild} reads it back
 * ({@code lab generate}). A problem a user can cause (a dataset this task cannot learn from, a
 * tokenizer that yields the wrong kind of input, a model file that does not fit) is a
 * {@link org.rnnlab.api.ConfigException} or {@link org.rnnlab.api.RnnlabException} naming what and where.
 *
 * <p>A new task (sequence-to-sequence, multi-label music, word embeddings) adds an implementation of
 * this interface with its own {@link TaskData}, {@link TaskModel} and metadata keys; the runtime does not
 * change.
 *
 * @since 0.1
 */
public interface Task extends Component {

    /**
     * Whether this task learns from {@code dataset}. When no {@code task} setting names one, the pipeline
     * takes the first task, by id, that accepts the dataset.
     */
    boolean accepts(Dataset dataset);

    /**
     * Whether this task runs only when a variant names it ({@code task=ID}) and is never chosen for a dataset
     * it accepts otherwise: a task that learns something else from data that another task learns by default
     * (word vectors from a text that a language model reads). The runtime then also leaves it out of what
     * it checks for a variant that names no task (heap bound, settings problems). False by default.
     *
     * @since 0.3
     */
    default boolean onlyWhenNamed() {
        return false;
    }

    /**
     * The tokenizers to fit for this dataset, each with the setting that names it and the training texts
     * to fit on; empty when the examples hold no text. The pipeline creates each from the registry, fits
     * it and passes it to {@link #prepare} under {@link TokenizerUse#role()}.
     */
    List<TokenizerUse> tokenizers(Dataset dataset);

    /** Encodes every split once with the fitted tokenizers (by role). Never null. */
    TaskData prepare(Dataset dataset, Map<String, FittedTokenizer> tokenizers);

    /** A new model for {@code data} with its head and loss, initialised from the request's seed. Never null. */
    TaskModel build(TaskData data, ModelRequest request);

    /**
     * The metrics of {@code model} on one split of {@code data}, named {@code <prefix>.<metric>}
     * ({@code val.loss}, {@code test.accuracy}); {@code loss} is always among them.
     */
    TaskEvaluation evaluate(TaskModel model, TaskData data, String split, String prefix, int batchSize);

    /**
     * A lower bound of the heap a run with these (validated) settings needs, known before any data is loaded:
     * e.g. its model's weights and gradients and one step's states for a batch. The runtime refuses a variant
     * whose bound exceeds the heap before it makes a run folder, rather than let it grow until the JVM gives
     * up. 0, the default, when the task cannot say.
     */
    default long minimumHeapBytes(org.rnnlab.api.experiment.Settings settings) {
        return 0;
    }

    /**
     * The problems of a variant's (validated) settings taken together that no single key's check can see, such
     * as a file one setting names whose contents do not fit another setting; each one line naming the settings.
     * The runtime asks before it makes a run folder and refuses the run if there is any. None by default.
     *
     * @since 0.3
     */
    default List<String> settingsProblems(org.rnnlab.api.experiment.Settings settings) {
        return List.of();
    }

    /**
     * {@code data} read as running text, for stateful training ({@code bptt.stateful}): each split one
     * stream cut into consecutive pieces of {@code chunk} steps, as many examples, whose lengths the
     * returned data reports. The trainer batches them with
     * {@code Batcher.strided} (batch i holds piece i of each of B runs of pieces) in that order every epoch,
     * and the model carries its state, detached, from one batch to the next, zero at an epoch's first
     * batch; {@link #evaluate} on the returned data reads a split the same way. Made once per run.
     *
     * @throws org.rnnlab.api.ConfigException when this task's data is not running text (the default)
     * @since 0.2
     */
    default TaskData stream(TaskData data, int chunk) {
        throw new org.rnnlab.api.ConfigException("setting 'bptt.stateful' is true, but task '" + id()
                + "' does not read its data as running text: use bptt.stateful=false");
    }

    /** Whether the task's models generate text ({@link #samples}), which {@code lab generate} needs. */
    default boolean generates() {
        return false;
    }

    /** {@code request.count()} samples drawn from the model (generated text), or none if this task does not generate. */
    default List<String> samples(TaskModel model, SampleRequest request, RandomGenerator random) {
        return List.of();
    }

    /**
     * Where the model looks while producing its output for the first {@code count} examples of
     * {@code split}, one {@link org.rnnlab.api.event.AttentionMap} each, decoded as evaluation decodes them;
     * none for a model without attention (the default). The trainer publishes them after every epoch for
     * the report's heatmaps, so the same examples must come back each time.
     *
     * @since 0.2
     */
    default List<org.rnnlab.api.event.AttentionMap> attention(TaskModel model, TaskData data, String split, int count) {
        return List.of();
    }

    /**
     * A few examples of {@code split} of {@code data} in the text form of {@link #samples} (cut to the length
     * of a sample under {@code settings}), for reports to show real data beside sampled; none by default and
     * when this task's data has no such form. Deterministic: the same data and settings give the same excerpts.
     * The runtime asks for them once per variant and publishes them as a
     * {@link org.rnnlab.api.event.DataExcerpts} event.
     */
    default List<String> dataExcerpts(TaskData data, String split, org.rnnlab.api.experiment.Settings settings) {
        return List.of();
    }

    /**
     * The file name extension of the files {@link #writeSample} writes ({@code mid} for music), or empty
     * when this task's samples are text only. When it is not empty, the trainer writes each epoch's samples
     * into the variant's folder and {@code lab generate} can write them as files.
     */
    default String sampleFileType() {
        return "";
    }

    /**
     * Writes one sample, as {@link #samples} drew it from {@code model}, as a file of {@link #sampleFileType()}
     * (replacing one that exists).
     *
     * @throws UnsupportedOperationException when this task's samples are text only
     * @throws IllegalArgumentException when {@code sample} is not one of this task's samples
     */
    default void writeSample(TaskModel model, String sample, Path file) throws IOException {
        throw new UnsupportedOperationException("task '" + id() + "' writes its samples as text only");
    }

    /**
     * The model file's metadata besides {@link ModelFile#FORMAT} and {@link ModelFile#TASK}: everything
     * {@link #rebuild} needs (sizes, cell and its options, tokenizers and their options, labels), in a
     * fixed order.
     */
    Map<String, String> modelMetadata(TaskData data, TaskModel model);

    /** Writes the files the model needs beside its model file (a vocabulary) into {@code folder}; none by default. */
    default void writeCompanions(TaskData data, Path folder) throws IOException {}

    /**
     * The model a model file holds, with the registry's cell and tokenizers; every way the file can be
     * wrong is an {@link org.rnnlab.api.RnnlabException} naming the file.
     */
    TaskModel rebuild(ModelFile file, ComponentRegistry registry);

    /** The {@link ModelFile#FORMAT} this task's model files carry. */
    String modelFormat();

    /**
     * The {@link ModelFile#TASK} entry that marks this task's model files; by default the id. The
     * built-in tasks write the dataset kind ({@code LANGUAGE_MODELLING}), as files did before tasks were
     * components, so older files still load.
     */
    default String fileTag() {
        return id();
    }

    /** A tokenizer the pipeline fitted: the tokenizer, its component id and options, and its vocabulary. */
    record FittedTokenizer(String id, Map<String, String> options, Tokenizer tokenizer,
                           org.rnnlab.api.data.Vocabulary vocabulary) {
        public FittedTokenizer {
            options = Map.copyOf(options);
        }
    }
}
