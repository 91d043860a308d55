package org.rnnlab.model.seq2seq;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.rnnlab.api.ConfigException;
import org.rnnlab.api.cell.ParameterSpec;
import org.rnnlab.engine.Tensor;
import org.rnnlab.engine.autodiff.Graph;
import org.rnnlab.engine.autodiff.Var;

/**
 * How a decoder scores each source step against its current state: the part that differs between
 * attention mechanisms. The decoder turns the scores into weights (a softmax over the real source
 * steps, padding masked out) and the weights into a context vector (their weighted sum of the encoder
 * outputs); an attention only scores.
 *
 * <p>Contract: {@link #keys} runs once per source batch on the encoder outputs {@code [S*B, K]}
 * (time-major) and may return them unchanged; {@link #scores} runs once per decoder step with the
 * query {@code [B, Q]} (the decoder's top-layer state) and returns {@code [S, B]} scores, one per
 * source step and sequence. Both are written with {@link Graph} operations only, so they need no
 * backward of their own. Parameter names are given without the {@value #PREFIX} prefix that the model
 * adds. Implementations are immutable.
 *
 * @since 0.1
 */
public interface Attention {
    /** The prefix of every attention parameter in a model. */
    String PREFIX = "attention.";

    /** The ids {@link #of} knows, {@code none} first. */
    List<String> IDS = List.of("none", "additive", "general", "dot");

    /** {@code additive} (Bahdanau), {@code general} or {@code dot} (Luong). */
    String id();

    /** The parameters for keys of width {@code keySize} and queries of width {@code querySize}. */
    List<ParameterSpec> parameters();

    /** Fills the parameters (by name without prefix) with their initial values. */
    void initialize(Map<String, Tensor> parameters, RandomGenerator random);

    /** What {@link #scores} compares the query with, computed once from {@code encoderOutputs [S*B, K]}. */
    Var keys(Graph graph, Var encoderOutputs, Map<String, Var> parameters);

    /** {@code [S, B]} scores of each source step for the query {@code [B, Q]}. */
    Var scores(Graph graph, Var keys, Var query, Map<String, Var> parameters);

    /**
     * The attention with this id for these sizes, or empty for {@code none}. {@code size} is the width
     * of the additive attention's hidden layer; {@code dot} needs equal key and query sizes.
     */
    static Optional<Attention> of(String id, int keySize, int querySize, int size) {
        return switch (id) {
            case "none" -> Optional.empty();
            case "additive" -> Optional.of(new AdditiveAttention(keySize, querySize, size));
            case "general" -> Optional.of(new GeneralAttention(keySize, querySize));
            case "dot" -> {
                if (keySize != querySize) {
                    throw new ConfigException("dot attention needs encoder outputs as wide as the decoder state, but they are "
                            + keySize + " and " + querySize + "; use general or additive attention");
                }
                yield Optional.of(new DotAttention());
            }
            default -> throw new ConfigException("unknown attention '" + id + "'; known: " + String.join(", ", IDS));
        };
    }
}
