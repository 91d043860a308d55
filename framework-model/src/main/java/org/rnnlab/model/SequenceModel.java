package org.rnnlab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.data.PaddedVectors;
import org.rnnlab.api.data.TaskKind;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;
import org.rnnlab.model.cell.BidirectionalStack;
import org.rnnlab.model.cell.CellStack;
import org.rnnlab.model.cell.RecurrentLayers;

/**
 * A recurrent model for one task: input (learned embedding {@code embedding.weight [V, E]}, one-hot
 * vectors, or feature vectors; with an {@link InputWindow}, the embeddings of the last n tokens at each
 * step) -> {@link CellStack} (or {@link BidirectionalStack}, whose outputs have
 * {@code 2H} columns) -> linear head ({@code head.weight [C, H]} or {@code [C, 2H]},
 * {@code head.bias [C]}) -> loss. The loss follows the task: cross-entropy at every real step
 * (language modelling, tagging), cross-entropy or mean squared error from each sequence's last real
 * step (classification, regression). Padded steps never reach the loss: per-step losses are masked,
 * and the cell stack keeps the state over padding, so the last row of a batch holds each sequence's
 * last real output.
 *
 * <p>With {@link #useDropout} the training steps drop units ({@link Dropout}); {@link #evaluate}, {@link #run} and
 * generation never do.
 *
 * <p>Parameters are one ordered list (embedding, cell layers in PyTorch names, head), each with its
 * gradient. The model owns one {@link Workspace} and one {@link Graph}, reset at every call, so a
 * training step in steady state allocates next to nothing. Not thread-safe: one model per run.
 *
 * @since 0.1
 */
public final class SequenceModel {
    public static final String EMBEDDING = "embedding.weight";
    public static final String HEAD_WEIGHT = "head.weight";
    public static final String HEAD_BIAS = "head.bias";

    private final ModelSpec spec;
    private final RecurrentLayers stack;
    private final List<Parameter> parameters;
    private final Graph graph;
    private float[] oneHot = new float[0];
    private Dropout dropout = Dropout.NONE;
    private RandomGenerator dropoutMasks;

    private SequenceModel(ModelSpec spec, RecurrentLayers stack, List<Parameter> parameters) {
        this.spec = spec;
        this.stack = stack;
        this.parameters = List.copyOf(parameters);
        this.graph = new Graph(new Workspace());
    }

    /**
     * A new model with initialised weights, drawing from {@code random} in parameter order: the
     * embedding ({@code N(0, 1)} as PyTorch's {@code nn.Embedding}), the cells (their own
     * initialisation), the head ({@code U(-1/sqrt(H), 1/sqrt(H))} as PyTorch's {@code nn.Linear}).
     */
    public static SequenceModel create(CellFactory cells, ModelSpec spec, RandomGenerator random) {
        CellSpec first = new CellSpec(spec.cellInputSize(), spec.hidden(), spec.cellOptions());
        RecurrentLayers stack = spec.bidirectional() ? BidirectionalStack.of(cells, first, spec.layers())
                : CellStack.of(cells, first, spec.layers());
        List<Parameter> params = new ArrayList<>();
        if (spec.tokenInput() && spec.embedding() > 0) {
            Parameter e = parameter(EMBEDDING, spec.inputSize(), spec.embedding());
            float[] d = e.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) random.nextGaussian();
            }
            params.add(e);
        }
        Map<String, Tensor> cellValues = new LinkedHashMap<>();
        for (ParameterSpec p : stack.parameters()) {
            Parameter cp = parameter(p.name(), p.shape());
            params.add(cp);
            cellValues.put(p.name(), cp.value());
        }
        stack.initialize(cellValues, random);
        Parameter w = parameter(HEAD_WEIGHT, spec.outputs(), spec.featureSize());
        Parameter b = parameter(HEAD_BIAS, spec.outputs());
        double bound = 1.0 / Math.sqrt(spec.featureSize());
        for (Parameter p : List.of(w, b)) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) random.nextDouble(-bound, bound);
            }
        }
        params.add(w);
        params.add(b);
        return new SequenceModel(spec, stack, params);
    }

    /**
     * Drops units at {@code rates} in every later {@link #trainStep}, drawing the masks from {@code masks}
     * (a stream of the model's own, so that the weights, the batches and every other draw of a run stay
     * those of the same run without dropout). Rates of 0 draw nothing.
     */
    public void useDropout(Dropout rates, RandomGenerator masks) {
        this.dropout = java.util.Objects.requireNonNull(rates, "rates");
        this.dropoutMasks = rates.none() ? null : java.util.Objects.requireNonNull(masks, "masks");
    }

    /** The rates {@link #trainStep} drops at ({@link Dropout#NONE} unless {@link #useDropout} set others). */
    public Dropout dropout() {
        return dropout;
    }

    public ModelSpec spec() {
        return spec;
    }

    public RecurrentLayers stack() {
        return stack;
    }

    /** Every parameter with its gradient, in a fixed order; the tensors are the model's own. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Number of carried state tensors: layers (times 2 when bidirectional) times the cell's states ({@code h} or {@code h, c}). */
    public int stateCount() {
        return stack.stateCount();
    }

    /** The parameter values by name, in order (shared, not copied). */
    public Map<String, Tensor> namedValues() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            out.put(p.name(), p.value());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Copies values into the parameters; every parameter must be present with its shape. */
    public void load(Map<String, Tensor> values) {
        for (Parameter p : parameters) {
            Tensor v = values.get(p.name());
            if (v == null) {
                throw new ShapeException("parameter '" + p.name() + "' is missing; present: " + values.keySet());
            }
            v.requireShape("parameter " + p.name(), p.value().shape());
            p.value().copyFrom(v);
        }
    }

    /**
     * Forward and backward over one batch: the gradients of the mean loss are written into each
     * {@link Parameter#grad()} (previous values are replaced).
     *
     * @param initialStates empty for zeros, else {@link #stateCount()} tensors {@code [B, H]} (treated as
     *     constants: no gradient flows into them, which is what truncation needs)
     * @param stepGradientNorms null, or {@code steps} entries that receive ||dLoss/dh_t|| of the top layer
     * @param keepStates whether to return copies of the final states (to carry into the next chunk)
     */
    public StepResult trainStep(ModelBatch batch, List<Tensor> initialStates, double[] stepGradientNorms,
                                boolean keepStates) {
        Forward f = forward(batch.input(), initialStates, stepGradientNorms, null, dropoutMasks != null);
        Var loss = loss(f, batch);
        for (Parameter p : parameters) {
            p.grad().fill(0f);
        }
        graph.backward(loss);
        double value = loss.value().item();
        return new StepResult(value, batch.lossTerms(), keepStates ? copies(f.states()) : List.of());
    }

    /** Forward only, without a loss and without dropout: the final states of running over the batch (copies). */
    public List<Tensor> run(ModelInput input, List<Tensor> initialStates) {
        return copies(forward(input, initialStates, null).states());
    }

    /**
     * Forward only: the summed loss, the predicted and true class of every loss term (classes) or the
     * summed squared error (regression), and the final states.
     */
    public Predictions evaluate(ModelBatch batch, List<Tensor> initialStates) {
        Forward f = forward(batch.input(), initialStates, null);
        int terms = batch.lossTerms();
        if (terms == 0) {
            return new Predictions(0, 0, new int[0], new int[0], 0, copies(f.states()));
        }
        double lossSum = loss(f, batch).value().item() * (double) terms;
        Tensor logits = f.logits().value();
        int cols = logits.dim(1);
        return switch (batch.targets()) {
            case Targets.StepClasses s -> {
                float[] mask = batch.input().mask();
                int[] predicted = new int[terms];
                int[] actual = new int[terms];
                int n = 0;
                for (int r = 0; r < mask.length; r++) {
                    if (mask[r] != 0) {
                        predicted[n] = argmax(logits, r, cols);
                        actual[n++] = s.classes()[r];
                    }
                }
                yield new Predictions(lossSum, terms, predicted, actual, 0, copies(f.states()));
            }
            case Targets.StepKeys k -> {
                // one 0/1 entry per output of every real step: on means probability above 0.5
                float[] mask = batch.input().mask();
                int[] predicted = new int[terms * cols];
                int[] actual = new int[terms * cols];
                float[] l = logits.data();
                int n = 0;
                for (int r = 0; r < mask.length; r++) {
                    for (int c = 0; mask[r] != 0 && c < cols; c++) {
                        predicted[n] = l[logits.offset() + r * cols + c] > 0f ? 1 : 0;
                        actual[n++] = k.values()[r * cols + c] != 0f ? 1 : 0;
                    }
                }
                yield new Predictions(lossSum, terms, predicted, actual, 0, copies(f.states()));
            }
            case Targets.SequenceClasses s -> {
                int[] predicted = new int[terms];
                for (int r = 0; r < terms; r++) {
                    predicted[r] = argmax(logits, r, cols);
                }
                yield new Predictions(lossSum, terms, predicted, s.classes().clone(), 0, copies(f.states()));
            }
            case Targets.SequenceValues s -> {
                double se = 0;
                float[] d = logits.data();
                for (int i = 0; i < s.values().length; i++) {
                    double e = d[logits.offset() + i] - s.values()[i];
                    se += e * e;
                }
                yield new Predictions(lossSum, terms, new int[0], new int[0], se, copies(f.states()));
            }
        };
    }

    /**
     * One step of generation: feeds {@code token} with {@code states} (replaced in place by the new
     * states; empty means zeros and is filled) and returns the logits of the next token.
     */
    public float[] nextLogits(int token, List<Tensor> states) {
        ModelInput in = new ModelInput.Ids(new PaddedIds(new int[] {token}, new float[] {1f}, new int[] {1}, 1, 1));
        int n = spec.window().size();
        if (n < 2) {
            Forward f = forward(in, List.copyOf(states), null);
            List<Tensor> next = copies(f.states());
            states.clear();
            states.addAll(next);
            return f.logits().value().toArray();
        }
        // a window of n tokens: the n-1 before this one ride along as a last state (ids, <pad> at first)
        float[] earlier = states.isEmpty() ? new float[n - 1] : states.getLast().toArray();
        int[][] slots = new int[n][1];
        for (int k = 0; k < n - 1; k++) {
            slots[k][0] = Math.round(earlier[k]);
        }
        slots[n - 1][0] = token;
        Forward f = forward(in, states.isEmpty() ? List.of() : List.copyOf(states.subList(0, states.size() - 1)), null, slots,
                false);
        List<Tensor> next = copies(f.states());
        float[] later = new float[n - 1];
        System.arraycopy(earlier, 1, later, 0, n - 2);
        later[n - 2] = token;
        next.add(Tensor.of(later, n - 1));
        states.clear();
        states.addAll(next);
        return f.logits().value().toArray();
    }

    /**
     * One step of generation from feature vectors: feeds {@code features} (one step of one sequence) with
     * {@code states} (replaced in place; empty means zeros) and returns the logits of the next step.
     */
    public float[] nextLogits(float[] features, List<Tensor> states) {
        ModelInput in = new ModelInput.Features(new PaddedVectors(features, new float[] {1f}, new int[] {1}, 1, 1,
                features.length));
        Forward f = forward(in, List.copyOf(states), null);
        List<Tensor> next = copies(f.states());
        states.clear();
        states.addAll(next);
        return f.logits().value().toArray();
    }

    /** The outcome of {@link #trainStep}: the mean loss over {@code terms} loss terms. */
    public record StepResult(double loss, int terms, List<Tensor> finalStates) {}

    /** The outcome of {@link #evaluate}. */
    public record Predictions(double lossSum, int terms, int[] predicted, int[] actual, double squaredErrorSum,
                              List<Tensor> finalStates) {}

    private record Forward(Var logits, List<Var> states, boolean perStep) {}

    private Forward forward(ModelInput input, List<Tensor> initialStates, double[] stepGradientNorms) {
        return forward(input, initialStates, stepGradientNorms, null, false);
    }

    /**
     * {@code slots}: the window's ids of each row when they reach before {@code input} (generation), else null;
     * {@code drop}: whether to apply {@link #dropout} (training steps only).
     */
    private Forward forward(ModelInput input, List<Tensor> initialStates, double[] stepGradientNorms, int[][] slots,
                            boolean drop) {
        graph.reset();
        int steps = input.steps();
        int batch = input.batchSize();
        int rows = steps * batch;
        Map<String, Var> vars = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            vars.put(p.name(), graph.parameter(p.value(), p.grad()));
        }
        Var x = switch (input) {
            case ModelInput.Ids ids -> {
                if (!spec.tokenInput()) {
                    throw new ShapeException("this model reads " + spec.inputSize() + " features per step, not token ids");
                }
                checkIds(ids.ids().ids());
                if (!spec.window().none()) {
                    yield WindowEmbedding.apply(graph, vars.get(EMBEDDING), slots != null ? slots
                            : WindowEmbedding.slots(ids.ids().ids(), steps, batch, spec.window().size()), spec.window());
                }
                yield spec.embedding() > 0 ? graph.embedding(vars.get(EMBEDDING), ids.ids().ids())
                        : graph.constant(oneHot(ids.ids().ids(), ids.ids().mask()));
            }
            case ModelInput.Features f -> {
                if (spec.tokenInput() || f.vectors().features() != spec.inputSize()) {
                    throw new ShapeException("this model reads " + (spec.tokenInput() ? "token ids"
                            : spec.inputSize() + " features per step") + " but the batch has "
                            + f.vectors().features() + " features per step");
                }
                yield graph.constant(Tensor.view(f.vectors().values(), 0, rows, spec.inputSize()));
            }
        };
        if (drop) {
            x = Dropout.apply(graph, x, dropout.embedding(), dropoutMasks);
        }
        Tensor mask = padded(input.mask()) ? Tensor.of(input.mask(), rows) : null;
        List<Var> init = new ArrayList<>(initialStates.size());
        for (Tensor s : initialStates) {
            init.add(graph.constant(s));
        }
        UnaryOperator<Var> between = drop ? v -> Dropout.apply(graph, v, dropout.layers(), dropoutMasks) : UnaryOperator.identity();
        CellStack.Output out = stack.forward(graph, x, steps, batch, mask, vars, init, stepGradientNorms, spec.fused(), between);
        boolean perStep = spec.kind() == TaskKind.LANGUAGE_MODELLING || spec.kind() == TaskKind.SEQUENCE_TAGGING
                || spec.kind() == TaskKind.MULTI_LABEL_SEQUENCE;
        Var features = perStep ? out.outputs() : spec.bidirectional() ? lastOfBothDirections(out)
                : graph.sliceRows(out.outputs(), (steps - 1) * batch, rows);
        if (drop) {
            features = Dropout.apply(graph, features, dropout.output(), dropoutMasks);
        }
        Var logits = graph.addBias(graph.matmulTransposed(features, vars.get(HEAD_WEIGHT)), vars.get(HEAD_BIAS));
        return new Forward(logits, out.finalStates(), perStep);
    }

    /**
     * Per sequence, the top layer's forward state after its last real step beside its reverse state after
     * its first step (PyTorch's {@code h_n[-2]} and {@code h_n[-1]}): a bidirectional stack's outputs are zero
     * at padding, so the last row is no summary there.
     */
    private Var lastOfBothDirections(CellStack.Output out) {
        int perDirection = stack.stateNames().size();
        int top = out.finalStates().size() - 2 * perDirection;
        return graph.concatColumns(List.of(out.finalStates().get(top), out.finalStates().get(top + perDirection)));
    }

    private Var loss(Forward f, ModelBatch batch) {
        float[] mask = batch.input().mask();
        return switch (batch.targets()) {
            case Targets.StepClasses s -> {
                requirePerStep(f, "per-step classes");
                yield graph.softmaxCrossEntropy(f.logits(), s.classes(), padded(mask) ? Tensor.of(mask, mask.length) : null);
            }
            case Targets.StepKeys k -> {
                requirePerStep(f, "sets of outputs per step");
                yield graph.binaryCrossEntropyWithLogits(f.logits(), Tensor.of(k.values(), mask.length, k.outputs()),
                        padded(mask) ? Tensor.of(mask, mask.length) : null);
            }
            case Targets.SequenceClasses s -> {
                requirePerSequence(f, "one class per sequence");
                yield graph.softmaxCrossEntropy(f.logits(), s.classes(), null);
            }
            case Targets.SequenceValues s -> {
                requirePerSequence(f, "values per sequence");
                if (s.outputs() != spec.outputs()) {
                    throw new ShapeException("targets have " + s.outputs() + " values per sequence but the model predicts "
                            + spec.outputs());
                }
                yield graph.meanSquaredError(f.logits(), Tensor.of(s.values(), batch.batchSize(), s.outputs()), null);
            }
        };
    }

    private void requirePerStep(Forward f, String what) {
        if (!f.perStep()) {
            throw new ShapeException("a " + spec.kind() + " model cannot take " + what);
        }
    }

    private void requirePerSequence(Forward f, String what) {
        if (f.perStep()) {
            throw new ShapeException("a " + spec.kind() + " model cannot take " + what);
        }
    }

    private Tensor oneHot(int[] ids, float[] mask) {
        int v = spec.inputSize();
        int size = ids.length * v;
        if (oneHot.length < size) {
            oneHot = new float[size];
        } else {
            Arrays.fill(oneHot, 0, size, 0f);
        }
        for (int r = 0; r < ids.length; r++) {
            if (mask[r] != 0) {
                oneHot[r * v + ids[r]] = 1f;
            }
        }
        return Tensor.view(oneHot, 0, ids.length, v);
    }

    private void checkIds(int[] ids) {
        for (int id : ids) {
            if (id < 0 || id >= spec.inputSize()) {
                throw new ShapeException("token id " + id + " is outside the vocabulary of " + spec.inputSize());
            }
        }
    }

    private static boolean padded(float[] mask) {
        for (float m : mask) {
            if (m == 0) {
                return true;
            }
        }
        return false;
    }

    private static int argmax(Tensor logits, int row, int cols) {
        float[] d = logits.data();
        int base = logits.offset() + row * cols;
        int best = 0;
        for (int c = 1; c < cols; c++) {
            if (d[base + c] > d[base + best]) {
                best = c;
            }
        }
        return best;
    }

    private static List<Tensor> copies(List<Var> vars) {
        List<Tensor> out = new ArrayList<>(vars.size());
        for (Var v : vars) {
            out.add(v.value().copy());
        }
        return out;
    }

    private static Parameter parameter(String name, int... shape) {
        return new Parameter(name, Tensor.zeros(shape), Tensor.zeros(shape));
    }
}
