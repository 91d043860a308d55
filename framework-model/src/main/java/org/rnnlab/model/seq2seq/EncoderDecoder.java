package org.rnnlab.model.seq2seq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnnlab.api.cell.CellFactory;
import org.rnnlab.api.cell.CellSpec;
import org.rnnlab.model.cell.BidirectionalStack;
import org.rnnlab.model.cell.CellStack;
import org.rnnlab.model.cell.RecurrentLayers;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.api.data.PaddedIds;
import org.rnnlab.api.train.Parameter;
import org.rnnlab.engine.ShapeException;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.Workspace;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * An encoder-decoder over any cell: source embedding -> encoder {@link CellStack} (or, bidirectional, a
 * {@link BidirectionalStack} of {@code H/2} units per direction) -> the decoder's initial states
 * {@code tanh(bridge(h_S))} from the encoder's final top-layer state (both directions' side by side when
 * bidirectional: the forward one after the last step, the reverse one after the first) -> decoder
 * {@link CellStack} reading the previous target token's embedding (teacher forcing in training) ->
 * linear output over the target vocabulary -> cross-entropy over the real target steps.
 *
 * <p>With an {@link Attention}, each decoder step first scores the source steps against the decoder's
 * previous top-layer state (Bahdanau's order), turns the scores into weights by a softmax over the real
 * source steps, and reads the context (the weighted sum of encoder outputs) as part of its input
 * ({@code [embedding, context]}) and of the output layer's ({@code [h, context]}). Without attention the
 * decoder runs over all steps at once, on the cell's fused kernel where it has one.
 *
 * <p>Parameters, in order: {@code encoder.embedding.weight [Vs, Es]}, the encoder cells
 * ({@code encoder.weight_ih_l0}, ..., {@code encoder.weight_ih_l0_reverse} when bidirectional), {@code bridge.weight [L*S*H, H]}, {@code bridge.bias}
 * (one block of {@code H} per decoder layer and state), {@code decoder.embedding.weight [Vt, Et]}, the
 * decoder cells, the attention's ({@code attention.*}), {@code output.weight [Vt, H (+K)]},
 * {@code output.bias [Vt]}. One {@link Graph} is reset at every call: not thread-safe, one model per run.
 *
 * @since 0.1
 */
public final class EncoderDecoder {
    public static final String SOURCE_EMBEDDING = "encoder.embedding.weight";
    public static final String TARGET_EMBEDDING = "decoder.embedding.weight";
    public static final String BRIDGE_WEIGHT = "bridge.weight";
    public static final String BRIDGE_BIAS = "bridge.bias";
    public static final String OUTPUT_WEIGHT = "output.weight";
    public static final String OUTPUT_BIAS = "output.bias";
    static final String ENCODER = "encoder.";
    static final String DECODER = "decoder.";

    private final EncoderDecoderSpec spec;
    private final RecurrentLayers encoder;
    private final CellStack decoder;
    private final Optional<Attention> attention;
    private final List<Parameter> parameters;
    private final Graph graph = new Graph(new Workspace());

    private EncoderDecoder(EncoderDecoderSpec spec, RecurrentLayers encoder, CellStack decoder, Optional<Attention> attention,
                           List<Parameter> parameters) {
        this.spec = spec;
        this.encoder = encoder;
        this.decoder = decoder;
        this.attention = attention;
        this.parameters = List.copyOf(parameters);
    }

    /**
     * A new model with initialised weights, drawing from {@code random} in parameter order: embeddings
     * {@code N(0, 1)} (as {@code nn.Embedding}), cells their own way, linear maps
     * {@code U(-1/sqrt(in), 1/sqrt(in))} (as {@code nn.Linear}).
     */
    public static EncoderDecoder create(CellFactory cells, EncoderDecoderSpec spec, RandomGenerator random) {
        Optional<Attention> attention = Attention.of(spec.attention(), spec.encoderOutputSize(), spec.hidden(),
                spec.attentionSize());
        int context = attention.isPresent() ? spec.encoderOutputSize() : 0;
        CellSpec encoderLayer = new CellSpec(spec.sourceEmbedding(), spec.encoderDirectionSize(), spec.cellOptions());
        RecurrentLayers encoder = spec.bidirectional() ? BidirectionalStack.of(cells, encoderLayer, spec.layers())
                : CellStack.of(cells, encoderLayer, spec.layers());
        CellStack decoder = CellStack.of(cells,
                new CellSpec(spec.targetEmbedding() + context, spec.hidden(), spec.cellOptions()), spec.layers());
        int bridged = spec.layers() * decoder.stateNames().size() * spec.hidden();
        List<Parameter> params = new ArrayList<>();
        Parameter sourceEmbedding = parameter(params, SOURCE_EMBEDDING, spec.sourceVocabulary(), spec.sourceEmbedding());
        LinearInit.normal(sourceEmbedding.value(), random);
        cellParameters(params, ENCODER, encoder, random);
        Parameter bridgeWeight = parameter(params, BRIDGE_WEIGHT, bridged, spec.encoderOutputSize());
        Parameter bridgeBias = parameter(params, BRIDGE_BIAS, bridged);
        LinearInit.uniform(bridgeWeight.value(), spec.encoderOutputSize(), random);
        LinearInit.uniform(bridgeBias.value(), spec.encoderOutputSize(), random);
        Parameter targetEmbedding = parameter(params, TARGET_EMBEDDING, spec.targetVocabulary(), spec.targetEmbedding());
        LinearInit.normal(targetEmbedding.value(), random);
        cellParameters(params, DECODER, decoder, random);
        if (attention.isPresent()) {
            Map<String, Tensor> own = new LinkedHashMap<>();
            for (ParameterSpec p : attention.get().parameters()) {
                own.put(p.name(), parameter(params, Attention.PREFIX + p.name(), p.shape()).value());
            }
            attention.get().initialize(own, random);
        }
        Parameter outputWeight = parameter(params, OUTPUT_WEIGHT, spec.targetVocabulary(), spec.hidden() + context);
        Parameter outputBias = parameter(params, OUTPUT_BIAS, spec.targetVocabulary());
        LinearInit.uniform(outputWeight.value(), spec.hidden() + context, random);
        LinearInit.uniform(outputBias.value(), spec.hidden() + context, random);
        return new EncoderDecoder(spec, encoder, decoder, attention, params);
    }

    private static void cellParameters(List<Parameter> params, String prefix, RecurrentLayers stack, RandomGenerator random) {
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (ParameterSpec p : stack.parameters()) {
            values.put(p.name(), parameter(params, prefix + p.name(), p.shape()).value());
        }
        stack.initialize(values, random);
    }

    private static Parameter parameter(List<Parameter> params, String name, int... shape) {
        Parameter p = new Parameter(name, Tensor.zeros(shape), Tensor.zeros(shape));
        params.add(p);
        return p;
    }

    public EncoderDecoderSpec spec() {
        return spec;
    }

    /** Every parameter with its gradient, in the order of the class comment. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Copies values by name from {@code values} (e.g. a PyTorch state dict); every parameter must be there. */
    public void load(Map<String, Tensor> values) {
        for (Parameter p : parameters) {
            Tensor v = values.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException("no value for parameter '" + p.name() + "'");
            }
            v.requireShape("value of " + p.name(), p.value().shape());
            p.value().copyFrom(v);
        }
    }

    /**
     * Forward and backward with teacher forcing: writes the gradients of the mean cross-entropy over the
     * batch's real target steps into each {@link Parameter#grad()} (replacing them) and returns that mean.
     */
    public double trainStep(PairBatch batch) {
        Var loss = loss(batch, true);
        for (Parameter p : parameters) {
            p.grad().fill(0f);
        }
        graph.backward(loss);
        return loss.value().item();
    }

    /** Forward only with teacher forcing: the summed cross-entropy over the batch's real target steps. */
    public double lossSum(PairBatch batch) {
        return loss(batch, false).value().item() * (double) batch.targetTokens();
    }

    /** The logits {@code [T*B, Vt]} of a teacher-forced forward pass (a copy), for checks. */
    public Tensor teacherForcedLogits(PairBatch batch) {
        graph.reset();
        return logits(batch, vars(false)).value().copy();
    }

    private Var loss(PairBatch batch, boolean training) {
        graph.reset();
        Var logits = logits(batch, vars(training));
        return graph.softmaxCrossEntropy(logits, batch.decoderTarget(), Tensor.of(batch.targetMask(), batch.targetMask().length));
    }

    private Map<String, Var> vars(boolean training) {
        Map<String, Var> vars = new HashMap<>();
        for (Parameter p : parameters) {
            vars.put(p.name(), training ? graph.parameter(p.value(), p.grad()) : graph.constant(p.value()));
        }
        return vars;
    }

    private Var logits(PairBatch batch, Map<String, Var> vars) {
        Encoded e = encode(batch.source(), vars);
        int steps = batch.targetSteps();
        int b = batch.batchSize();
        checkIds(batch.decoderInput().ids(), spec.targetVocabulary(), "target");
        Var embedded = graph.embedding(vars.get(TARGET_EMBEDDING), batch.decoderInput().ids());
        Map<String, Var> decoderVars = strip(vars, DECODER);
        Var features;
        if (attention.isEmpty()) {
            features = decoder.forward(graph, embedded, steps, b, null, decoderVars, e.initialStates(), null, spec.fused())
                    .outputs();
        } else {
            List<Var> states = e.initialStates();
            List<Var> perStep = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                Step s = attendAndStep(graph.sliceRows(embedded, t * b, (t + 1) * b), states, e, vars, decoderVars);
                perStep.add(s.features());
                states = s.states();
            }
            features = graph.concatRows(perStep);
        }
        return graph.addBias(graph.matmulTransposed(features, vars.get(OUTPUT_WEIGHT)), vars.get(OUTPUT_BIAS));
    }

    /** The encoder's outputs, the source mask (null without padding), the decoder's first states, the attention keys. */
    private record Encoded(Var outputs, Tensor mask, List<Var> initialStates, Var keys) {}

    /** One decoder step: its new states, what the output layer reads, the attention weights {@code [S, B]}. */
    private record Step(List<Var> states, Var features, Var weights) {}

    private Encoded encode(PaddedIds source, Map<String, Var> vars) {
        int steps = source.steps();
        int b = source.batchSize();
        checkIds(source.ids(), spec.sourceVocabulary(), "source");
        Var x = graph.embedding(vars.get(SOURCE_EMBEDDING), source.ids());
        Tensor mask = padded(source.mask()) ? Tensor.of(source.mask(), steps * b) : null;
        CellStack.Output out = encoder.forward(graph, x, steps, b, mask, strip(vars, ENCODER), List.of(), null, spec.fused());
        int perLayer = encoder.stateNames().size();
        Var top;
        if (spec.bidirectional()) {
            // per layer the forward direction's states, then the reverse one's; the output state first
            int forward = 2 * (spec.layers() - 1) * perLayer;
            top = graph.concatColumns(List.of(out.finalStates().get(forward), out.finalStates().get(forward + perLayer)));
        } else {
            top = out.finalStates().get((spec.layers() - 1) * perLayer);
        }
        Var bridged = graph.tanh(graph.addBias(graph.matmulTransposed(top, vars.get(BRIDGE_WEIGHT)), vars.get(BRIDGE_BIAS)));
        int h = spec.hidden();
        int states = decoder.layers() * decoder.stateNames().size();
        List<Var> initial = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            initial.add(states == 1 ? bridged : graph.sliceColumns(bridged, s * h, (s + 1) * h));
        }
        Var keys = attention.isPresent() ? attention.get().keys(graph, out.outputs(), strip(vars, Attention.PREFIX)) : null;
        return new Encoded(out.outputs(), mask, initial, keys);
    }

    private Step attendAndStep(Var embedded, List<Var> states, Encoded e, Map<String, Var> vars,
                               Map<String, Var> decoderVars) {
        Attention a = attention.orElseThrow();
        Var query = states.get((decoder.layers() - 1) * decoder.stateNames().size());
        Var weights = graph.softmaxColumns(a.scores(graph, e.keys(), query, strip(vars, Attention.PREFIX)), e.mask());
        Var context = graph.blockWeightedSum(weights, e.outputs());
        int b = query.value().dim(0);
        CellStack.Output out = decoder.forward(graph, graph.concatColumns(List.of(embedded, context)), 1, b, null,
                decoderVars, states, null, spec.fused());
        return new Step(out.finalStates(), graph.concatColumns(List.of(out.outputs(), context)), weights);
    }

    // ---- decoding: the encoder once, then one decoder step at a time on constants ----

    /**
     * The encoder's results for {@code sources} (ids without specials), kept outside the graph so that
     * decoding steps can reuse them: outputs and keys {@code [S*N, *]}, the source mask, the decoder's
     * first states {@code [N, H]} each.
     */
    public record Encoding(int steps, int count, Tensor outputs, Tensor keys, float[] mask, List<Tensor> initialStates,
                           int[] lengths) {}

    /** Runs the encoder over {@code sources} (ids without specials). */
    public Encoding encode(List<int[]> sources) {
        graph.reset();
        PaddedIds source = PaddedIds.timeMajor(sources);
        Encoded e = encode(source, vars(false));
        List<Tensor> states = new ArrayList<>(e.initialStates().size());
        for (Var s : e.initialStates()) {
            states.add(s.value().copy());
        }
        return new Encoding(source.steps(), source.batchSize(), e.outputs().value().copy(),
                e.keys() == null ? null : e.keys().value().copy(), source.mask().clone(), List.copyOf(states),
                source.lengths().clone());
    }

    /**
     * The outcome of one decoding step for {@code N} hypotheses: the logits of the next token
     * ({@code [N, Vt]}), the new states ({@code [N, H]} each) and, with attention, the weights each
     * hypothesis gave the source steps ({@code [S, N]}, else null).
     */
    public record DecoderStep(Tensor logits, List<Tensor> states, Tensor weights) {}

    /**
     * One decoder step for hypotheses {@code n = 0..N-1}: hypothesis {@code n} decodes source
     * {@code sourceOf[n]} of {@code encoding}, has just emitted {@code previous[n]} ({@code <bos>} at the
     * start) and is in {@code states} ({@code [N, H]} each, layer-major).
     */
    public DecoderStep step(Encoding encoding, int[] sourceOf, int[] previous, List<Tensor> states) {
        graph.reset();
        int n = sourceOf.length;
        Map<String, Var> vars = vars(false);
        List<Var> current = new ArrayList<>(states.size());
        for (Tensor s : states) {
            s.requireShape("decoder state", n, spec.hidden());
            current.add(graph.constant(s));
        }
        checkIds(previous, spec.targetVocabulary(), "previous target");
        Var embedded = graph.embedding(vars.get(TARGET_EMBEDDING), previous);
        Map<String, Var> decoderVars = strip(vars, DECODER);
        Var features;
        List<Var> next;
        Tensor weights = null;
        if (attention.isEmpty()) {
            CellStack.Output out = decoder.forward(graph, embedded, 1, n, null, decoderVars, current, null, spec.fused());
            features = out.outputs();
            next = out.finalStates();
        } else {
            float[] mask = gatherMask(encoding, sourceOf);
            Encoded e = new Encoded(graph.constant(gatherRows(encoding.outputs(), encoding, sourceOf)),
                    padded(mask) ? Tensor.of(mask, mask.length) : null, current,
                    graph.constant(gatherRows(encoding.keys(), encoding, sourceOf)));
            Step s = attendAndStep(embedded, current, e, vars, decoderVars);
            features = s.features();
            next = s.states();
            weights = s.weights().value().copy();
        }
        Var logits = graph.addBias(graph.matmulTransposed(features, vars.get(OUTPUT_WEIGHT)), vars.get(OUTPUT_BIAS));
        List<Tensor> nextStates = new ArrayList<>(next.size());
        for (Var s : next) {
            nextStates.add(s.value().copy());
        }
        return new DecoderStep(logits.value().copy(), nextStates, weights);
    }

    /** Rows {@code [s*N + n] = rows[s*B + sourceOf[n]]} of a time-major encoder tensor. */
    private static Tensor gatherRows(Tensor rows, Encoding e, int[] sourceOf) {
        int width = rows.dim(1);
        int n = sourceOf.length;
        Tensor out = Tensor.zeros(e.steps() * n, width);
        for (int s = 0; s < e.steps(); s++) {
            for (int j = 0; j < n; j++) {
                System.arraycopy(rows.data(), rows.offset() + (s * e.count() + sourceOf[j]) * width, out.data(),
                        (s * n + j) * width, width);
            }
        }
        return out;
    }

    private static float[] gatherMask(Encoding e, int[] sourceOf) {
        int n = sourceOf.length;
        float[] mask = new float[e.steps() * n];
        for (int s = 0; s < e.steps(); s++) {
            for (int j = 0; j < n; j++) {
                mask[s * n + j] = e.mask()[s * e.count() + sourceOf[j]];
            }
        }
        return mask;
    }

    private static Map<String, Var> strip(Map<String, Var> vars, String prefix) {
        Map<String, Var> own = new HashMap<>();
        vars.forEach((name, v) -> {
            if (name.startsWith(prefix)) {
                own.put(name.substring(prefix.length()), v);
            }
        });
        return own;
    }

    private static void checkIds(int[] ids, int vocabulary, String side) {
        for (int id : ids) {
            if (id < 0 || id >= vocabulary) {
                throw new ShapeException(side + " token id " + id + " is outside the vocabulary of " + vocabulary);
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
}
